/**
 * Model files in and out of tfbridge: {@link io.tfbridge.interop.ModelFiles} opens a SavedModel
 * directory, a TF Serving base directory or a Keras file as a
 * {@link io.tfbridge.inference.Predictor}; {@link io.tfbridge.interop.ModelConverter} converts
 * between the {@link io.tfbridge.interop.ModelFormat}s. The formats live in subpackages:
 * {@code savedmodel}, {@code keras}; host arrays in {@code tensors} and {@code npy}; Keras's
 * saving callbacks (ModelCheckpoint, BackupAndRestore) in {@code callbacks}.
 * {@link io.tfbridge.interop.AtomicFiles} writes every file so that it appears whole or not at all.
 */
package io.tfbridge.interop;
