/**
 * Host arrays and TensorFlow tensors: {@link io.tfbridge.interop.tensors.HostTensors} converts
 * {@code NdArray} values to tensors of a {@link io.tfbridge.inference.DType} and back, and
 * {@link io.tfbridge.interop.tensors.InputChecks} checks named inputs against a model's
 * {@link io.tfbridge.inference.TensorSpec}s before anything runs.
 */
package io.tfbridge.interop.tensors;
