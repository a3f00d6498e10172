"""Model structure beyond a chain: shared layers, several outputs, integer inputs."""
import keras

from layer_golden import Case, functional

L = keras.layers


def shared_dense():
    """One Dense applied to two inputs: one set of weights, two calls."""
    a, b = keras.Input((4,), name="a"), keras.Input((4,), name="b")
    shared = L.Dense(3, activation="tanh", name="shared")
    return functional([a, b], L.Dense(2)(L.Concatenate()([shared(a), shared(b)])))


def shared_chain():
    """A shared layer applied twice in a row (its second call reads its first)."""
    x = keras.Input((3,), name="x")
    square = L.Dense(3, activation="tanh", name="square")
    return functional(x, L.Dense(2)(square(square(x))))


def two_outputs():
    x = keras.Input((4,), name="x")
    h = L.Dense(5, activation="relu")(x)
    return functional(x, [L.Dense(2, name="out_a")(h), L.Dense(1, name="out_b")(h)])


def int_ids():
    ids = keras.Input((6,), dtype="int32", name="ids")
    e = L.Embedding(11, 4)(ids)
    return functional(ids, L.Dense(2)(L.GlobalAveragePooling1D()(e)))


CASES = [
    Case("structure_shared_dense", shared_dense),
    Case("structure_shared_chain", shared_chain),
    Case("structure_two_outputs", two_outputs),
    Case("structure_int_ids", int_ids, x=[{"high": 11}]),
]
