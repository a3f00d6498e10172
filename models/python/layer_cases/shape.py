"""Shape, pooling, merge and noise layers: padding, cropping, upsampling, 1D/3D pooling, RepeatVector,
Permute, Identity, Flatten on higher ranks, the element-wise merges and Dot, spatial dropout and the
Gaussian noise layers.

A Dense layer in front of the layer under test gives the SGD step a weight whose gradient flows back
through the layer. Layers that are random in training are checked at inference only (train=False).
"""
import keras

from layer_golden import Case, functional, seq

L = keras.layers


def dense_seq(shape, *layers, units=None):
    """seq(shape, Dense(last axis), *layers): a weight in front of the layers."""
    return seq(shape, L.Dense(units or shape[-1]), *layers)


def merge(layer, *shapes, units=None):
    """A functional model: one input per shape, each through its own Dense, merged by `layer`."""
    inputs = [keras.Input(s) for s in shapes]
    hidden = [L.Dense(units or s[-1])(x) for s, x in zip(shapes, inputs)]
    return functional(inputs, layer(hidden))


def c(name, build, **kw):
    return Case("shape_" + name, build, **kw)


PADDING = [
    c("zero_padding1d_default", lambda: dense_seq((4, 2), L.ZeroPadding1D())),
    c("zero_padding1d_int", lambda: dense_seq((3, 2), L.ZeroPadding1D(3))),
    c("zero_padding1d_pair", lambda: dense_seq((5, 3), L.ZeroPadding1D((2, 0)))),
    c("zero_padding2d_default", lambda: dense_seq((3, 4, 2), L.ZeroPadding2D())),
    c("zero_padding2d_int", lambda: dense_seq((2, 3, 1), L.ZeroPadding2D(2))),
    c("zero_padding2d_pair", lambda: dense_seq((3, 2, 2), L.ZeroPadding2D((1, 2)))),
    c("zero_padding2d_pairs", lambda: dense_seq((3, 4, 2), L.ZeroPadding2D(((0, 2), (1, 0))))),
    c("zero_padding3d_default", lambda: dense_seq((2, 3, 2, 1), L.ZeroPadding3D())),
    c("zero_padding3d_pairs", lambda: dense_seq((2, 2, 3, 2),
                                                 L.ZeroPadding3D(((1, 0), (0, 2), (2, 1))))),
    c("cropping1d_default", lambda: dense_seq((5, 2), L.Cropping1D())),
    c("cropping1d_int", lambda: dense_seq((7, 2), L.Cropping1D(3))),
    c("cropping1d_pair", lambda: dense_seq((6, 3), L.Cropping1D((0, 2)))),
    c("cropping2d_default", lambda: dense_seq((3, 4, 2), L.Cropping2D())),
    c("cropping2d_int", lambda: dense_seq((4, 5, 2), L.Cropping2D(1))),
    c("cropping2d_pair", lambda: dense_seq((5, 4, 1), L.Cropping2D((2, 1)))),
    c("cropping2d_pairs", lambda: dense_seq((5, 6, 2), L.Cropping2D(((1, 0), (0, 3))))),
    c("cropping3d_default", lambda: dense_seq((3, 4, 3, 1), L.Cropping3D())),
    c("cropping3d_pairs", lambda: dense_seq((4, 3, 5, 2), L.Cropping3D(((0, 2), (1, 0), (2, 2))))),
]

UPSAMPLING = [
    c("up_sampling1d_default", lambda: dense_seq((3, 2), L.UpSampling1D())),
    c("up_sampling1d_size3", lambda: dense_seq((4, 3), L.UpSampling1D(3))),
    c("up_sampling2d_default", lambda: dense_seq((2, 3, 2), L.UpSampling2D())),
    c("up_sampling2d_nearest_2x3", lambda: dense_seq((3, 2, 1), L.UpSampling2D((2, 3)))),
    c("up_sampling2d_bilinear", lambda: dense_seq((3, 4, 2), L.UpSampling2D(interpolation="bilinear"))),
    c("up_sampling2d_bilinear_3x2", lambda: dense_seq((3, 5, 1),
                                                      L.UpSampling2D((3, 2), interpolation="bilinear"))),
    c("up_sampling2d_bicubic", lambda: dense_seq((3, 4, 2), L.UpSampling2D((2, 3), interpolation="bicubic"))),
    c("up_sampling3d", lambda: dense_seq((2, 3, 2, 1), L.UpSampling3D((1, 2, 3)))),
    c("up_sampling3d_default", lambda: dense_seq((2, 2, 1, 2), L.UpSampling3D())),
]

POOLING = [
    c("max_pooling1d_default", lambda: dense_seq((6, 2), L.MaxPooling1D())),
    c("max_pooling1d_same", lambda: dense_seq((7, 3), L.MaxPooling1D(3, strides=2, padding="same"))),
    c("max_pooling1d_stride1", lambda: dense_seq((5, 2), L.MaxPooling1D(2, strides=1))),
    c("average_pooling1d_valid", lambda: dense_seq((7, 2), L.AveragePooling1D(2))),
    c("average_pooling1d_same", lambda: dense_seq((7, 3), L.AveragePooling1D(3, strides=2, padding="same")),
      notes="same padding: windows at the ends average only their real steps"),
    c("global_max_pooling1d", lambda: dense_seq((5, 3), L.GlobalMaxPooling1D())),
    c("global_max_pooling1d_keepdims", lambda: dense_seq((4, 2), L.GlobalMaxPooling1D(keepdims=True))),
    c("max_pooling3d_default", lambda: dense_seq((4, 3, 5, 2), L.MaxPooling3D())),
    c("max_pooling3d_same", lambda: dense_seq((3, 4, 5, 1),
                                              L.MaxPooling3D((2, 3, 2), strides=(1, 2, 2), padding="same"))),
    c("average_pooling3d_valid", lambda: dense_seq((4, 4, 3, 2), L.AveragePooling3D((2, 2, 3)))),
    c("average_pooling3d_same", lambda: dense_seq((3, 5, 4, 1),
                                                  L.AveragePooling3D(2, strides=(2, 2, 1), padding="same"))),
    c("global_average_pooling3d", lambda: dense_seq((2, 3, 2, 3), L.GlobalAveragePooling3D())),
    c("global_average_pooling3d_keepdims", lambda: dense_seq((2, 2, 3, 2),
                                                             L.GlobalAveragePooling3D(keepdims=True))),
    c("global_max_pooling3d", lambda: dense_seq((3, 2, 2, 2), L.GlobalMaxPooling3D())),
    c("global_max_pooling3d_keepdims", lambda: dense_seq((2, 3, 2, 2), L.GlobalMaxPooling3D(keepdims=True))),
]

RESHAPING = [
    c("repeat_vector", lambda: dense_seq((3,), L.RepeatVector(4))),
    c("permute_2d", lambda: dense_seq((3, 2), L.Permute((2, 1)))),
    c("permute_3d", lambda: dense_seq((2, 3, 4), L.Permute((3, 1, 2)))),
    c("identity", lambda: dense_seq((3,), L.Identity())),
    c("flatten_rank3", lambda: dense_seq((3, 2), L.Flatten())),
    c("flatten_rank5", lambda: dense_seq((2, 3, 2, 2), L.Flatten())),
]

MERGING = [
    c("multiply", lambda: merge(L.Multiply(), (3,), (3,), (3,))),
    c("subtract", lambda: merge(L.Subtract(), (4,), (4,))),
    c("average", lambda: merge(L.Average(), (3,), (3,), (3,))),
    c("maximum", lambda: merge(L.Maximum(), (2, 3), (2, 3))),
    c("minimum", lambda: merge(L.Minimum(), (3,), (3,), (3,))),
    c("multiply_broadcast", lambda: merge(L.Multiply(), (4, 3), (1, 3)),
      notes="a dimension of 1 broadcasts"),
    c("subtract_ranks", lambda: merge(L.Subtract(), (3,), (4, 3)),
      notes="the lower-rank input gains an axis after the batch axis"),
    c("maximum_ranks", lambda: merge(L.Maximum(), (2, 4, 3), (3,), (1, 3))),
    c("dot_axes1", lambda: merge(L.Dot(1), (4,), (4,))),
    c("dot_axes_pair", lambda: merge(L.Dot((1, 2)), (3, 5), (2, 3))),
    c("dot_last_axes", lambda: merge(L.Dot((2, 2)), (3, 4), (2, 4))),
    c("dot_negative_axes", lambda: merge(L.Dot(-1), (2, 3), (4, 3))),
    c("dot_2d_3d", lambda: merge(L.Dot((1, 2)), (3,), (4, 3))),
    c("dot_normalize", lambda: merge(L.Dot(1, normalize=True), (4,), (4,))),
    c("dot_normalize_3d", lambda: merge(L.Dot((1, 1), normalize=True), (3, 2), (3, 4))),
]

NOISE = [
    c("spatial_dropout1d", lambda: dense_seq((4, 3), L.SpatialDropout1D(0.5)), train=False),
    c("spatial_dropout2d", lambda: dense_seq((3, 3, 2), L.SpatialDropout2D(0.3)), train=False),
    c("spatial_dropout3d", lambda: dense_seq((2, 2, 2, 2), L.SpatialDropout3D(0.4)), train=False),
    c("gaussian_noise", lambda: dense_seq((5,), L.GaussianNoise(0.3)), train=False),
    c("gaussian_dropout", lambda: dense_seq((5,), L.GaussianDropout(0.4)), train=False),
    c("dropout_noise_shape", lambda: dense_seq((3, 3, 2), L.Dropout(0.3, noise_shape=(None, 1, 1, 2))),
      train=False, notes="EfficientNet's drop-connect: one draw per sample and channel"),
]

CASES = PADDING + UPSAMPLING + POOLING + RESHAPING + MERGING + NOISE
