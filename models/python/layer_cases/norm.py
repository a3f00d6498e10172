"""Activations (by name, and the ReLU/LeakyReLU/PReLU/ELU/Softmax layers), Rescaling, the
normalization layers (Normalization, LayerNormalization, GroupNormalization, UnitNormalization) and
the initializers' configs."""
import keras
import numpy as np

from layer_golden import Case, seq

L = keras.layers
I = keras.initializers

# Every activation name Keras 3.15 takes without arguments, except glu and sparsemax.
ACTIVATIONS = ["relu6", "leaky_relu", "elu", "selu", "celu", "softplus", "softsign", "silu", "gelu",
               "hard_sigmoid", "hard_silu", "hard_tanh", "exponential", "mish", "log_sigmoid",
               "tanh_shrink", "squareplus", "sparse_plus", "sparse_sigmoid", "soft_shrink",
               "hard_shrink", "log_softmax", "softmax", "sigmoid", "tanh", "linear"]

WIDE = [{"low": -3.0, "high": 3.0}]  # pre-activations reach every piece of the piecewise ones


def _adapted(model, rng):
    """The harness's rule for random weights (uniform(-0.5, 0.5), variances uniform(0.5, 1.5)), then
    what Keras's adapt() ends with: Normalization copies its mean/variance weights into the tensors
    it computes with only in finalize_state() (as load_model does), so without it Keras would
    predict with the initial zeros/ones while the files hold the random values."""
    for v in model.weights:
        if "float" in str(v.dtype):
            low, high = (0.5, 1.5) if "variance" in v.path else (-0.5, 0.5)
            v.assign(rng.uniform(low, high, size=tuple(v.shape)).astype("float32"))
    for layer in model.layers:
        if isinstance(layer, L.Normalization):
            layer.finalize_state()


def _dense_with(name):
    return Case("norm_act_" + name, lambda: seq((5,), L.Dense(4, activation=name)), x=WIDE,
                notes="Dense with activation=%r" % name)


CASES = [_dense_with(a) for a in ACTIVATIONS] + [
    Case("norm_act_swish_alias", lambda: seq((5,), L.Dense(4, activation="swish")), x=WIDE,
         notes="'swish' is read as silu and written as 'silu'"),
    Case("norm_act_log_softmax_rank3", lambda: seq((3, 5), L.Dense(4, activation="log_softmax")),
         notes="LogSoftmax's gradient is only right in 2-D: rank 3 goes through a reshape"),
    Case("norm_activation_layer_gelu_rank3", lambda: seq((3, 4), L.Dense(5), L.Activation("gelu"))),
    Case("norm_activation_layer_hard_swish", lambda: seq((5,), L.Dense(4), L.Activation("hard_swish")),
         x=WIDE),

    # ReLU and friends
    Case("norm_relu_default", lambda: seq((5,), L.Dense(4), L.ReLU())),
    Case("norm_relu_max6", lambda: seq((5,), L.Dense(4), L.ReLU(max_value=6.0)),
         x=[{"low": -20.0, "high": 20.0}], notes="max_value 6 without threshold: the relu6 op"),
    Case("norm_relu_max_slope_threshold",
         lambda: seq((5,), L.Dense(4), L.ReLU(max_value=0.6, negative_slope=0.1, threshold=0.2)),
         x=WIDE),
    Case("norm_relu_slope_only", lambda: seq((5,), L.Dense(4), L.ReLU(negative_slope=0.25)),
         notes="only negative_slope: Keras's leaky_relu path"),
    Case("norm_relu_threshold_only", lambda: seq((5,), L.Dense(4), L.ReLU(threshold=0.3)), x=WIDE),
    Case("norm_relu_max_value", lambda: seq((3, 5), L.Dense(4), L.ReLU(max_value=0.5)), x=WIDE),
    Case("norm_leaky_relu_default", lambda: seq((5,), L.Dense(4), L.LeakyReLU())),
    Case("norm_leaky_relu_slope", lambda: seq((5,), L.Dense(4), L.LeakyReLU(negative_slope=0.05))),
    Case("norm_prelu", lambda: seq((5,), L.Dense(4), L.PReLU())),
    Case("norm_prelu_shared_axes",
         lambda: seq((4, 4, 2), L.Conv2D(3, 1), L.PReLU(alpha_initializer=I.Constant(0.25),
                                                        shared_axes=[1, 2]))),
    Case("norm_prelu_rank3", lambda: seq((3, 5), L.Dense(4), L.PReLU(shared_axes=1))),
    Case("norm_elu_default", lambda: seq((5,), L.Dense(4), L.ELU()), x=WIDE),
    Case("norm_elu_alpha", lambda: seq((5,), L.Dense(4), L.ELU(alpha=0.5)), x=WIDE),
    Case("norm_softmax_default", lambda: seq((3, 4), L.Dense(5), L.Softmax())),
    Case("norm_softmax_axis1", lambda: seq((3, 4), L.Dense(5), L.Softmax(axis=1)),
         notes="softmax over a non-last axis"),
    Case("norm_softmax_axes12", lambda: seq((3, 4), L.Dense(5), L.Softmax(axis=[1, 2])),
         notes="several axes: exp(x - logsumexp(x))"),
    Case("norm_softmax_axis_list1", lambda: seq((3, 4), L.Dense(5), L.Softmax(axis=[-2]))),

    # Rescaling
    Case("norm_rescaling_scalar", lambda: seq((5,), L.Rescaling(0.5, offset=0.25), L.Dense(3))),
    Case("norm_rescaling_per_channel",
         lambda: seq((2, 3), L.Rescaling([1.0, 2.0, 3.0], offset=[0.1, 0.2, -0.3]), L.Dense(2))),
    Case("norm_rescaling_numpy",
         lambda: seq((3,), L.Rescaling(np.array([0.5, -1.0, 2.0], dtype="float32")), L.Dense(2)),
         notes="a numpy scale is written as a __numpy__ object"),

    # Normalization (adapted state as weights, or given constants)
    Case("norm_normalization_adapted", lambda: seq((4,), L.Normalization(), L.Dense(2)),
         weights=_adapted,
         notes="mean/variance/count are non-trainable weights"),
    Case("norm_normalization_axis_none", lambda: seq((3, 4), L.Normalization(axis=None), L.Dense(2)),
         weights=_adapted),
    Case("norm_normalization_axes12", lambda: seq((3, 4), L.Normalization(axis=(1, 2)), L.Dense(2)),
         weights=_adapted),
    Case("norm_normalization_axis1", lambda: seq((3, 4), L.Normalization(axis=1), L.Dense(2)),
         weights=_adapted),
    Case("norm_normalization_invert", lambda: seq((4,), L.Normalization(invert=True), L.Dense(2)),
         weights=_adapted),
    Case("norm_normalization_constants",
         lambda: seq((3,), L.Normalization(mean=[0.5, -1.0, 2.0], variance=[4.0, 0.25, 1.0]),
                     L.Dense(2)),
         notes="mean and variance given: constants, no weights"),
    Case("norm_normalization_scalar_constants",
         lambda: seq((3,), L.Normalization(mean=1.5, variance=2.0, invert=True), L.Dense(2))),
    Case("norm_normalization_constants_axes",
         lambda: seq((2, 3), L.Normalization(axis=(1, 2), mean=[0.5, -1.0, 2.0],
                                              variance=[4.0, 0.25, 1.0]), L.Dense(2)),
         notes="mean of rank 1 for two kept axes: aligned with the last"),

    # LayerNormalization
    Case("norm_layer_norm_default", lambda: seq((5,), L.Dense(4), L.LayerNormalization())),
    Case("norm_layer_norm_axes_last2", lambda: seq((3, 4), L.Dense(5), L.LayerNormalization(axis=[-2, -1]))),
    Case("norm_layer_norm_axis1", lambda: seq((3, 4), L.Dense(5), L.LayerNormalization(axis=1))),
    Case("norm_layer_norm_mixed_axes",
         lambda: seq((3, 4), L.Dense(5), L.LayerNormalization(axis=[1, -1])),
         notes="Keras sorts [1, -1] to [-1, 1]: gamma (5, 3) reshaped row-major to (1, 3, 5)"),
    Case("norm_layer_norm_no_center",
         lambda: seq((5,), L.Dense(4), L.LayerNormalization(center=False, epsilon=1e-5))),
    Case("norm_layer_norm_no_scale",
         lambda: seq((5,), L.Dense(4), L.LayerNormalization(scale=False,
                                                            beta_initializer="he_uniform"))),
    Case("norm_layer_norm_rms",
         lambda: seq((3, 4), L.Dense(5), L.LayerNormalization(rms_scaling=True))),
    Case("norm_layer_norm_conv", lambda: seq((4, 4, 2), L.Conv2D(3, 2),
                                              L.LayerNormalization(axis=[1, 2, 3]))),

    # GroupNormalization
    Case("norm_group_norm_conv", lambda: seq((4, 4, 4), L.Conv2D(6, 1), L.GroupNormalization(groups=3))),
    Case("norm_group_norm_instance", lambda: seq((3, 4), L.Dense(4), L.GroupNormalization(groups=-1))),
    Case("norm_group_norm_dense", lambda: seq((5,), L.Dense(6), L.GroupNormalization(groups=2))),
    Case("norm_group_norm_axis1",
         lambda: seq((4, 3), L.Dense(5), L.GroupNormalization(groups=2, axis=1, center=False))),
    Case("norm_group_norm_no_scale",
         lambda: seq((3, 4), L.Dense(4), L.GroupNormalization(groups=2, scale=False, epsilon=0.01))),

    # UnitNormalization
    Case("norm_unit_norm_default", lambda: seq((5,), L.Dense(4), L.UnitNormalization())),
    Case("norm_unit_norm_axes", lambda: seq((3, 4), L.Dense(5), L.UnitNormalization(axis=[1, 2]))),

    # Initializers: written and read back in configs (the harness sets the weights)
    Case("norm_initializers_a", lambda: seq(
        (4,),
        L.Dense(5, kernel_initializer="he_normal", bias_initializer=I.Constant(0.1)),
        L.Dense(5, kernel_initializer=I.HeUniform(), bias_initializer=I.RandomNormal(0.0, 0.1)),
        L.Dense(5, kernel_initializer=I.GlorotNormal(), bias_initializer=I.TruncatedNormal(0.1, 0.2)),
        L.Dense(3, kernel_initializer=I.LecunNormal(), bias_initializer="zeros"))),
    Case("norm_initializers_b", lambda: seq(
        (4,),
        L.Dense(5, kernel_initializer=I.LecunUniform()),
        L.Dense(5, kernel_initializer=I.VarianceScaling(2.0, "fan_out", "uniform")),
        L.Dense(5, kernel_initializer=I.VarianceScaling(0.5, "fan_avg", "untruncated_normal")),
        L.Dense(5, kernel_initializer=I.Orthogonal(gain=0.5)),
        L.Dense(3, kernel_initializer=I.Identity()))),
]
