/**
 * Keras model files: {@link io.tfbridge.interop.keras.KerasFiles} loads Keras 3 {@code .keras} and
 * legacy {@code .h5} files into compiled, trainable models (weights and optimizer state included),
 * reads their Sequential spec, and saves Java models in both formats for Python's
 * {@code keras.models.load_model}. JSON goes through Jackson; HDF5 is read
 * with jhdf and written by the HDF5 library itself ({@code H5Writer}).
 */
package io.tfbridge.interop.keras;
