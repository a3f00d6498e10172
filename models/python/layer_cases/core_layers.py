"""Cases for layers tfbridge had before the layer registry: they check the harness itself."""
import keras

from layer_golden import Case, seq

L = keras.layers

CASES = [
    Case("core_dense_relu", lambda: seq((5,), L.Dense(4, activation="relu"))),
    Case("core_conv2d_bn", lambda: seq((6, 6, 2), L.Conv2D(3, 3, padding="same"),
                                        L.BatchNormalization(), L.Activation("relu")),
         notes="BatchNormalization in training mode moves its moving statistics"),
]
