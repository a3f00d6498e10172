"""Image preprocessing layers inside a model (issue 9): Resizing and CenterCrop (the same in training
and inference), and the random augmentation layers, identity at inference. The random layers get
degenerate ranges (lower == upper) so that their training-mode output is deterministic: the recorded
SGD step of the Dense after them then checks the augmented images Keras trained on. RandomFlip's
outcome cannot be fixed, so its cases check inference only. Images are 5x7 (non-square), 2 channels.
RandomBrightness has no case here: Keras 3.15 cannot save it as .h5 (its legacy saver fails with
"cannot pickle 'module' object"); make_augment_layer_golden.py checks it.
"""
import keras

from layer_golden import Case, seq

L = keras.layers
IMG = (5, 7, 2)


def aug(name, layers, train=True, notes="", **kw):
    """A case of `layers()` (made fresh for every build) on a 5x7x2 input, then Dense(2)."""
    return Case("augment_" + name, lambda: seq(IMG, *layers(), L.Dense(2)), train=train,
                notes=notes, **kw)


CASES = [
    # deterministic layers
    aug("resizing_bilinear_down", lambda: [L.Resizing(3, 4)]),
    aug("resizing_nearest_up", lambda: [L.Resizing(8, 9, interpolation="nearest")]),
    aug("resizing_bicubic", lambda: [L.Resizing(4, 6, interpolation="bicubic")]),
    aug("resizing_area", lambda: [L.Resizing(3, 5, interpolation="area")]),
    aug("resizing_crop_aspect", lambda: [L.Resizing(4, 4, crop_to_aspect_ratio=True)]),
    aug("resizing_pad_aspect",
        lambda: [L.Resizing(6, 4, pad_to_aspect_ratio=True, fill_value=0.5)]),
    aug("center_crop", lambda: [L.CenterCrop(3, 4)]),
    aug("center_crop_smart_resize", lambda: [L.CenterCrop(6, 4)],
        notes="target taller than the image: Keras crops to the aspect ratio and resizes"),
    # random layers with degenerate ranges: deterministic in training
    aug("rotation_reflect_bilinear", lambda: [L.RandomRotation((0.1, 0.1))]),
    aug("rotation_constant_nearest",
        lambda: [L.RandomRotation((-0.2, -0.2), fill_mode="constant", fill_value=0.3,
                                  interpolation="nearest", seed=5)]),
    aug("translation_wrap",
        lambda: [L.RandomTranslation((0.2, 0.2), (-0.3, -0.3), fill_mode="wrap")]),
    aug("translation_nearest_fill",
        lambda: [L.RandomTranslation((-0.4, -0.4), (0.25, 0.25), fill_mode="nearest",
                                     interpolation="nearest")]),
    aug("zoom_constant",
        lambda: [L.RandomZoom((0.3, 0.3), fill_mode="constant", fill_value=-0.5)]),
    aug("zoom_width_reflect_nearest",
        lambda: [L.RandomZoom((-0.4, -0.4), width_factor=(0.2, 0.2), interpolation="nearest")]),
    aug("contrast_fixed", lambda: [L.RandomContrast((-0.5, 0.5), value_range=(-1, 1))],
        notes="factor (-0.5, 0.5) draws the contrast factor from [1.5, 1.5]"),
    # after weights: the gradient flows back through the layer (ImageProjectiveTransformV3's is TF
    # Python's approximate one, an inverse transform of the output gradient)
    aug("after_dense_rotation",
        lambda: [L.Dense(2), L.RandomRotation((0.1, 0.1), fill_mode="constant")]),
    aug("after_dense_zoom_nearest",
        lambda: [L.Dense(2), L.RandomZoom((0.3, 0.3), interpolation="nearest")]),
    aug("after_dense_translation_reflect",
        lambda: [L.Dense(2), L.RandomTranslation((0.15, 0.15), (-0.2, -0.2))]),
    aug("after_dense_contrast",
        lambda: [L.Dense(2), L.RandomContrast((-0.5, 0.5), value_range=(-1, 1))]),
    aug("after_dense_resizing_bicubic",
        lambda: [L.Dense(2), L.Resizing(4, 6, interpolation="bicubic")]),
    aug("after_dense_resizing_pad",
        lambda: [L.Dense(2), L.Resizing(6, 4, pad_to_aspect_ratio=True, fill_value=0.5)]),
    aug("after_dense_center_crop_smart", lambda: [L.Dense(2), L.CenterCrop(6, 4)]),
    # RandomCrop: in training a fixed window when the image is not larger along both axes (5x4 of
    # 5x7: the centred box; 3x9: rows 1-3 resized to 3x9); at inference the input at its own size
    # (not the declared target size), so GlobalAveragePooling2D gives the Dense a static shape
    aug("random_crop_fixed_window", lambda: [L.RandomCrop(5, 4, seed=2),
                                             L.GlobalAveragePooling2D()],
        notes="training slices the centred 5x4 box; predict sees the whole 5x7 images"),
    aug("after_dense_random_crop_resize",
        lambda: [L.Dense(3), L.RandomCrop(3, 9), L.GlobalAveragePooling2D()],
        notes="the gradient flows back through the crop's Slice and ResizeBilinear"),
    # random ranges: inference (identity) only
    aug("flip_default", lambda: [L.RandomFlip()], train=False),
    aug("flip_horizontal", lambda: [L.RandomFlip("horizontal", seed=3)], train=False),
    aug("random_ranges",
        lambda: [L.RandomRotation(0.2), L.RandomTranslation(0.1, (-0.2, 0.3)), L.RandomZoom(0.1),
                 L.RandomContrast(0.3), L.RandomFlip("vertical")], train=False),
    aug("random_crop_random_window",
        lambda: [L.RandomCrop(3, 4, seed=7), L.Conv2D(2, 2), L.GlobalAveragePooling2D()],
        train=False, notes="larger along both axes: a random window in training; inference "
                           "passes the 5x7 images unchanged"),
]
