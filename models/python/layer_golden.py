"""What a layer golden case is (see make_layer_golden.py), and helpers to build case models."""
from dataclasses import dataclass, field
from typing import Callable, List, Optional

import keras


@dataclass
class Case:
    """One golden case: a small Keras model around the layer under test.

    name      the directory name, unique across all groups
    build     returns the (uncompiled) keras.Model
    batch     the number of samples in x
    x         per model input, options for its random data: low/high (floats: uniform range,
              ints: randint range), lengths (per row, positions from there on are set to 0 / pad,
              for mask cases)
    weights   sets the model's weights from a numpy RandomState (default: uniform(-0.5, 0.5),
              variances uniform(0.5, 1.5))
    train     whether to record one SGD step (False for layers that are random in training)
    lr        the SGD learning rate of that step
    tolerance the absolute tolerance Java is held to (relative for values above 1)
    notes     why the case exists, shown in case.json
    compile   extra keyword arguments of model.compile (e.g. loss by output name and loss_weights);
              the loss defaults to "mse" for every output
    """
    name: str
    build: Callable[[], keras.Model]
    batch: int = 3
    x: Optional[List[dict]] = None
    weights: Optional[Callable] = None
    train: bool = True
    lr: float = 0.1
    tolerance: float = 1e-5
    notes: str = ""
    compile: Optional[dict] = None
    group: str = field(default="", repr=False)


def seq(input_shape, *layers, dtype="float32", name=None):
    """A Sequential model of `layers` on an Input of `input_shape` (no batch axis)."""
    return keras.Sequential([keras.Input(input_shape, dtype=dtype)] + list(layers), name=name)


def functional(inputs, outputs, name=None):
    return keras.Model(inputs, outputs, name=name)
