/**
 * Model files in and out of tfbridge: {@link io.tfbridge.interop.ModelFiles} opens a SavedModel
 * directory, a TF Serving base directory or a Keras file as a
 * {@link io.tfbridge.inference.Predictor}; {@link io.tfbridge.interop.ModelConverter} converts
 * between the {@link io.tfbridge.interop.ModelFormat}s. The formats live in subpackages:
 * {@code savedmodel}, {@code keras}; host arrays in {@code tensors} and {@code npy}.
 */
package io.tfbridge.interop;
