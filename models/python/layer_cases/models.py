"""Hand-built models of the kinds teams hand each other: a text classifier, a Transformer encoder
block, a temporal conv net, a U-Net, an image classifier with Keras's augmentation layers inside.
Each is small; together they exercise masks, attention, causal and dilated convolutions, transposed
convolutions, skip connections and preprocessing layers in one model."""
import keras

from layer_golden import Case, functional

L = keras.layers


def text_classifier():
    ids = keras.Input((10,), dtype="int32", name="tokens")
    h = L.Embedding(30, 6, mask_zero=True)(ids)
    h = L.Bidirectional(L.LSTM(4, return_sequences=True))(h)
    h = L.Bidirectional(L.GRU(3))(h)
    return functional(ids, L.Dense(3, activation="softmax")(h), name="text_classifier")


def transformer_block():
    x = keras.Input((6, 8), name="sequence")
    attention = L.MultiHeadAttention(num_heads=2, key_dim=4)(x, x)
    h = L.LayerNormalization(epsilon=1e-6)(L.Add()([x, L.Dropout(0.1)(attention)]))
    ff = L.Dense(8)(L.Dense(16, activation="gelu")(h))
    h = L.LayerNormalization(epsilon=1e-6)(L.Add()([h, ff]))
    return functional(x, L.Dense(2)(L.GlobalAveragePooling1D()(h)), name="transformer_block")


def temporal_conv_net():
    x = keras.Input((12, 3), name="series")
    h = L.Conv1D(4, 1)(x)
    for rate in (1, 2, 4):
        y = L.Conv1D(4, 3, padding="causal", dilation_rate=rate, activation="relu")(h)
        h = L.Add()([h, y])
    return functional(x, L.TimeDistributed(L.Dense(2))(h), name="tcn")


def unet():
    x = keras.Input((8, 8, 2), name="image")
    d1 = L.SeparableConv2D(4, 3, padding="same", activation="relu")(x)
    d2 = L.Conv2D(6, 3, padding="same", activation="relu")(L.MaxPooling2D()(d1))
    u1 = L.Conv2DTranspose(4, 2, strides=2)(d2)
    u2 = L.UpSampling2D(interpolation="bilinear")(L.Conv2D(2, 1)(d2))
    h = L.Concatenate()([d1, u1, u2])
    return functional(x, L.Conv2D(1, 1, activation="sigmoid")(h), name="unet")


def augmented_classifier():
    """The Keras tutorials' image classifier: resize, rescale, a nested data_augmentation Sequential
    (random in training, identity at inference), a small convnet."""
    augmentation = keras.Sequential([
        L.RandomFlip("horizontal"), L.RandomRotation(0.1), L.RandomZoom(0.1),
        L.RandomTranslation(0.1, 0.1), L.RandomContrast(0.2)], name="data_augmentation")
    x = keras.Input((12, 10, 1), name="image")
    h = L.CenterCrop(10, 10)(L.Resizing(12, 12)(x))
    h = augmentation(L.Rescaling(1.0 / 255)(h))
    h = L.MaxPooling2D()(L.Conv2D(4, 3, activation="relu")(h))
    h = L.GlobalAveragePooling2D()(h)
    return functional(x, L.Dense(3, activation="softmax")(h), name="augmented_classifier")


CASES = [
    Case("model_text_classifier", text_classifier, x=[{"high": 30, "lengths": [10, 6, 3]}],
         notes="Embedding mask_zero, Bidirectional LSTM and GRU with the mask, rows padded at the end"),
    Case("model_transformer_block", transformer_block, train=False,
         notes="MultiHeadAttention, residual Adds, LayerNormalization, gelu; dropout makes training random"),
    Case("model_transformer_block_train", lambda: _no_dropout(transformer_block()),
         notes="the same block with dropout 0, so that a training step is deterministic"),
    Case("model_temporal_conv_net", temporal_conv_net),
    Case("model_unet", unet),
    Case("model_augmented_classifier", augmented_classifier, batch=8, train=False,
         x=[{"low": 0.0, "high": 255.0}],
         notes="preprocessing layers in a Keras-made model (issue 9): identity at inference, random in"
               " training; FitCommandTest trains it with `tfbridge fit` and Python loads the result"),
]


def _no_dropout(model):
    for layer in model.layers:
        if isinstance(layer, L.Dropout):
            layer.rate = 0.0
    return model
