/**
 * Keras's callbacks that write model files, which live here because they save through
 * {@link io.tfbridge.interop.keras.KerasFiles}: {@link io.tfbridge.interop.callbacks.ModelCheckpoint}
 * (the model or its weights at each epoch or every n batches, optionally only the best) and
 * {@link io.tfbridge.interop.callbacks.BackupAndRestore} (backs up the training state and resumes
 * an interrupted {@code fit} from it). Both write atomically: a process killed mid-save leaves the
 * previous file whole.
 */
package io.tfbridge.interop.callbacks;
