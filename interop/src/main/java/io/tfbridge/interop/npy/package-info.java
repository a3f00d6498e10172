/**
 * numpy {@code .npy} files as host arrays: {@link io.tfbridge.interop.npy.NpyFiles} reads and
 * writes any {@code NdArray} a {@link io.tfbridge.inference.Predictor} takes or gives, numeric
 * arrays through core's {@link io.tfbridge.data.Npy} and
 * {@link io.tfbridge.interop.npy.NpyNdArrays}, string arrays through
 * {@link io.tfbridge.interop.npy.NpyStrings}.
 */
package io.tfbridge.interop.npy;
