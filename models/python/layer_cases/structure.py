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


def nested_sequential():
    """A Sequential used as a layer of a functional model, as ConvNeXt's stem and downsampling."""
    x = keras.Input((6, 6, 2), name="image")
    stem = keras.Sequential([L.Conv2D(3, 2, strides=2), L.BatchNormalization()], name="stem")
    return functional(x, L.Dense(2)(L.GlobalAveragePooling2D()(stem(x))))


def nested_frozen():
    """A frozen backbone (trainable=False: its BatchNormalization in inference mode) and a new head."""
    base = keras.Sequential([keras.Input((5,)), L.Dense(4, activation="relu"),
                             L.BatchNormalization(), L.Dense(3)], name="backbone")
    base.trainable = False
    x = keras.Input((5,), name="x")
    return functional(x, L.Dense(2)(base(x, training=False)))


def nested_functional():
    inner_in = keras.Input((4,), name="inner_in")
    inner = keras.Model(inner_in, L.Dense(3, activation="tanh")(L.Dense(5)(inner_in)), name="block")
    x = keras.Input((4,), name="x")
    return functional(x, L.Dense(1)(L.Concatenate()([inner(x), x])))


CASES += [
    Case("structure_nested_sequential", nested_sequential),
    Case("structure_nested_frozen", nested_frozen,
         notes="the frozen backbone's weights and moving statistics stay as they are"),
    Case("structure_nested_functional", nested_functional),
]


CASES += [
    Case("structure_two_outputs_dict_losses", two_outputs,
         compile={"loss": {"out_a": "mse", "out_b": "mse"}, "loss_weights": {"out_a": 1.0, "out_b": 0.5}},
         notes="losses and loss weights by output name, as Keras's dict form"),
]
