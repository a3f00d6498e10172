"""A user's own layer class and activation function, registered on both sides: Python's
register_keras_serializable, Java's KerasLayers.register and Activation.register (the interop tests
register io.tfbridge.interop.keras.ScaleShift and the tanh form of gelu as tfbridge_test>gelu_tanh)."""
import keras
from keras import ops

from layer_golden import Case, functional

L = keras.layers


@keras.saving.register_keras_serializable(package="tfbridge_test")
class ScaleShift(keras.layers.Layer):
    """y = x * scale + shift, one scale and shift per feature; `offset` is added as a constant."""

    def __init__(self, offset=0.0, **kwargs):
        super().__init__(**kwargs)
        self.offset = offset

    def build(self, input_shape):
        self.scale = self.add_weight(name="scale", shape=(input_shape[-1],), initializer="ones")
        self.shift = self.add_weight(name="shift", shape=(input_shape[-1],), initializer="zeros")

    def call(self, x):
        return x * self.scale + self.shift + self.offset

    def get_config(self):
        return {**super().get_config(), "offset": self.offset}


@keras.saving.register_keras_serializable(package="tfbridge_test")
def gelu_tanh(x):
    """gelu's tanh approximation: Keras has no activation name for it, so models use a function."""
    return keras.activations.gelu(x, approximate=True)


def gelu_approximate():
    x = keras.Input((5,), name="x")
    h = L.Dense(6, activation=gelu_tanh)(x)
    return functional(x, L.Activation(gelu_tanh)(L.Dense(3)(h)))


def scale_shift():
    x = keras.Input((4,), name="x")
    return functional(x, L.Dense(2)(ScaleShift(offset=0.5)(L.Dense(3, activation="tanh")(x))))


CASES = [
    Case("custom_scale_shift", scale_shift, notes="a custom class registered in Python and Java"),
    Case("custom_gelu_approximate", gelu_approximate,
         notes="gelu(approximate=True) as a registered activation function, in Dense and Activation"),
]
