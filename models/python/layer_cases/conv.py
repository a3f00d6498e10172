"""Convolutions: Conv1D/Conv2D with dilation, groups and causal padding, DepthwiseConv1D/2D,
SeparableConv1D/2D, Conv1DTranspose/Conv2DTranspose (strides, paddings, output_padding)."""
import keras

from layer_golden import Case, seq

L = keras.layers

CASES = [
    # Conv1D
    Case("conv_conv1d_same_dilated", lambda: seq((9, 2), L.Conv1D(3, 3, padding="same", dilation_rate=2))),
    Case("conv_conv1d_valid_dilated3", lambda: seq((11, 2), L.Conv1D(2, 3, dilation_rate=3, activation="tanh"))),
    Case("conv_conv1d_causal_dilated", lambda: seq((7, 3), L.Conv1D(2, 2, padding="causal", dilation_rate=2,
                                                                    activation="tanh"))),
    Case("conv_conv1d_causal_strided", lambda: seq((8, 2), L.Conv1D(3, 3, padding="causal", strides=2,
                                                                    use_bias=False))),
    Case("conv_conv1d_groups", lambda: seq((8, 4), L.Conv1D(4, 3, groups=2, strides=2, use_bias=False))),
    # Conv2D
    Case("conv_conv2d_valid_dilated", lambda: seq((7, 8, 2), L.Conv2D(3, 3, dilation_rate=2))),
    Case("conv_conv2d_same_dilated_rows", lambda: seq((7, 6, 3), L.Conv2D(2, (3, 2), dilation_rate=(2, 1),
                                                                          padding="same", activation="relu"))),
    Case("conv_conv2d_groups_strided_same", lambda: seq((7, 7, 4), L.Conv2D(4, 3, groups=2, strides=2,
                                                                            padding="same"))),
    Case("conv_conv2d_groups_per_channel", lambda: seq((7, 7, 4), L.Conv2D(8, 3, groups=4, strides=2,
                                                                           padding="same")),
         notes="one input channel per group (ConvNeXt's depthwise Conv2D): run as a depthwise conv"),
    Case("conv_conv2d_groups_dilated", lambda: seq((6, 5, 3), L.Conv2D(6, 2, groups=3, dilation_rate=2,
                                                                       use_bias=False))),
    Case("conv_conv2d_dilated_flatten", lambda: seq((7, 7, 2), L.Conv2D(2, 3, dilation_rate=2, padding="same"),
                                                    L.Flatten(), L.Dense(2)),
         notes="the dilated path keeps the static shape Flatten needs"),
    # DepthwiseConv2D / DepthwiseConv1D
    Case("conv_depthwise2d_multiplier", lambda: seq((6, 6, 2), L.DepthwiseConv2D(3, depth_multiplier=2))),
    Case("conv_depthwise2d_strided_same", lambda: seq((7, 6, 3), L.DepthwiseConv2D((3, 2), strides=2,
                                                                                   padding="same", use_bias=False,
                                                                                   activation="relu"))),
    Case("conv_depthwise2d_dilated_same", lambda: seq((7, 7, 2), L.DepthwiseConv2D(3, dilation_rate=2,
                                                                                   padding="same",
                                                                                   depth_multiplier=2))),
    Case("conv_depthwise2d_strided_dilated_same", lambda: seq((9, 8, 2), L.DepthwiseConv2D(
        3, strides=2, dilation_rate=2, padding="same"))),
    Case("conv_depthwise2d_strided_dilated_valid", lambda: seq((10, 9, 2), L.DepthwiseConv2D(
        (2, 3), strides=(2, 3), dilation_rate=(2, 2), activation="tanh"))),
    Case("conv_depthwise1d_strided_same", lambda: seq((9, 2), L.DepthwiseConv1D(3, depth_multiplier=2,
                                                                                strides=2, padding="same"))),
    Case("conv_depthwise1d_dilated", lambda: seq((9, 3), L.DepthwiseConv1D(3, dilation_rate=2))),
    # SeparableConv2D / SeparableConv1D
    Case("conv_separable2d_multiplier_same", lambda: seq((6, 6, 2), L.SeparableConv2D(4, 3, depth_multiplier=2,
                                                                                      padding="same"))),
    Case("conv_separable2d_strided", lambda: seq((7, 7, 3), L.SeparableConv2D(3, (3, 2), strides=2,
                                                                              use_bias=False,
                                                                              activation="tanh"))),
    Case("conv_separable2d_dilated", lambda: seq((8, 8, 2), L.SeparableConv2D(3, 3, dilation_rate=2))),
    Case("conv_separable1d_strided_same", lambda: seq((9, 2), L.SeparableConv1D(3, 3, depth_multiplier=2,
                                                                                strides=2, padding="same"))),
    Case("conv_separable1d_strided_dilated", lambda: seq((11, 2), L.SeparableConv1D(2, 3, strides=2,
                                                                                    dilation_rate=2))),
    # Conv2DTranspose / Conv1DTranspose
    # (no dilated transposes: Keras's TensorFlow backend cannot run them on CPU, "Current CPU
    # implementations do not yet support dilation rates larger than 1")
    Case("conv_conv2d_transpose_valid", lambda: seq((4, 5, 2), L.Conv2DTranspose(3, 3))),
    Case("conv_conv2d_transpose_same_strided", lambda: seq((3, 4, 2), L.Conv2DTranspose(2, 3, strides=2,
                                                                                       padding="same",
                                                                                       activation="relu"))),
    Case("conv_conv2d_transpose_output_padding", lambda: seq((3, 3, 2), L.Conv2DTranspose(
        2, 3, strides=2, output_padding=1))),
    Case("conv_conv2d_transpose_same_output_padding", lambda: seq((3, 4, 2), L.Conv2DTranspose(
        2, (3, 2), strides=(2, 3), padding="same", output_padding=(1, 2)))),
    Case("conv_conv2d_transpose_stride_over_kernel", lambda: seq((3, 3, 2), L.Conv2DTranspose(
        2, 2, strides=3), L.Flatten(), L.Dense(2)),
         notes="valid padding with stride > kernel: Keras's default output_padding stride - kernel"),
    Case("conv_conv1d_transpose_same_strided", lambda: seq((5, 2), L.Conv1DTranspose(3, 3, strides=2,
                                                                                    padding="same"))),
    Case("conv_conv1d_transpose_output_padding", lambda: seq((4, 3), L.Conv1DTranspose(
        2, 4, strides=3, output_padding=2, activation="tanh"))),
]
