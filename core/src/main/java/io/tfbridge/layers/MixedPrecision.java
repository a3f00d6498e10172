package io.tfbridge.layers;

import java.util.List;

/**
 * How a layer runs under a mixed dtype policy ({@code mixed_bfloat16}); the engine casts its inputs,
 * weights and output accordingly.
 */
public enum MixedPrecision {
  /** The layer is float32 only: a mixed policy is refused when the layer is placed in a model. */
  UNSUPPORTED,

  /**
   * The layer computes in the compute dtype: its float inputs are cast to it, and its weights are read
   * as their float32 variables cast to it (Keras's AutocastVariable). Dense, Conv2D, pooling.
   */
  COMPUTE_DTYPE,

  /**
   * The layer's inputs are cast to the compute dtype, then computed on in float32 with float32
   * weights, and the output is cast to the compute dtype: Keras's BatchNormalization, which upcasts
   * to avoid overflow, and layers whose ops mix in float32 tensors (Dropout's training flag).
   */
  FLOAT32_INSIDE,

  /**
   * The layer computes nothing itself: its inputs, weights and outputs pass as they are, and its
   * inner layers follow their own policies (a nested model, as Keras's Functional does not cast).
   */
  PASS_THROUGH;

  /** The Keras class names of the layers that run under a mixed policy, for error messages. */
  static final List<String> LAYERS = List.of("InputLayer", "Dense", "Conv1D", "Conv2D",
      "MaxPooling1D", "MaxPooling2D", "AveragePooling1D", "AveragePooling2D", "Flatten", "Reshape",
      "GlobalAveragePooling2D", "GlobalMaxPooling1D", "GlobalMaxPooling2D", "Dropout", "Activation",
      "ReLU", "Softmax", "BatchNormalization", "Add", "Subtract", "Multiply", "Maximum", "Minimum",
      "Concatenate", "Sequential", "Functional");

  /** {@link #LAYERS}, comma-separated. */
  static String layerNames() {
    return String.join(", ", LAYERS);
  }

  /**
   * Refuses a mixed policy on a layer this wrapper runs inside its own call (and so in float32):
   * TimeDistributed's and Bidirectional's wrapped layers.
   */
  static void checkWrapped(String layerName, Layer<?> wrapper, Layer<?> wrapped) {
    if (wrapped.dtypePolicy().isMixed()) {
      throw new IllegalArgumentException("Layer \"" + layerName + "\" (" + wrapper.className()
          + ") wraps a " + wrapped.className() + " with dtype policy " + wrapped.dtypePolicy().name()
          + "; tfbridge runs wrapped layers in float32 only: give the wrapped layer dtype float32");
    }
  }
}
