/**
 * Keras's dtype policies ({@code keras.dtype_policies} and {@code keras.mixed_precision}): the dtype a
 * layer computes in and the dtype its variables are stored in, per layer or as a global default.
 * {@link io.tfbridge.dtypepolicies.DTypePolicy} names {@code float32} (the default) and
 * {@code mixed_bfloat16} (float32 variables, bfloat16 computation, the fast mixed precision on CPUs
 * with bfloat16 instructions).
 */
package io.tfbridge.dtypepolicies;
