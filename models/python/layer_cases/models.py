"""Hand-built models of the kinds teams hand each other: a text classifier, a Transformer encoder
block, a temporal conv net, a U-Net. Each is small; together they exercise masks, attention, causal and
dilated convolutions, transposed convolutions and skip connections in one model."""
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


CASES = [
    Case("model_text_classifier", text_classifier, x=[{"high": 30, "lengths": [10, 6, 3]}],
         notes="Embedding mask_zero, Bidirectional LSTM and GRU with the mask, rows padded at the end"),
    Case("model_transformer_block", transformer_block, train=False,
         notes="MultiHeadAttention, residual Adds, LayerNormalization, gelu; dropout makes training random"),
    Case("model_transformer_block_train", lambda: _no_dropout(transformer_block()),
         notes="the same block with dropout 0, so that a training step is deterministic"),
    Case("model_temporal_conv_net", temporal_conv_net),
    Case("model_unet", unet),
]


def _no_dropout(model):
    for layer in model.layers:
        if isinstance(layer, L.Dropout):
            layer.rate = 0.0
    return model
