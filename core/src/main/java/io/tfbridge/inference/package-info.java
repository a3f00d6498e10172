/**
 * One prediction interface, {@link io.tfbridge.inference.Predictor}, for models trained in Java and
 * models imported from SavedModels or Keras files; inputs and outputs are described by
 * {@link io.tfbridge.inference.TensorSpec}s.
 */
package io.tfbridge.inference;
