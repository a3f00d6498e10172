/**
 * Keras-style callbacks for {@code fit}: {@link io.tfbridge.callbacks.Callback} hooks,
 * {@link io.tfbridge.callbacks.History} (what {@code fit} returns), the per-epoch
 * {@link io.tfbridge.callbacks.ProgbarLogger}, and Keras's training callbacks
 * {@link io.tfbridge.callbacks.EarlyStopping}, {@link io.tfbridge.callbacks.ReduceLROnPlateau},
 * {@link io.tfbridge.callbacks.LearningRateScheduler}, {@link io.tfbridge.callbacks.CSVLogger},
 * {@link io.tfbridge.callbacks.TerminateOnNaN} and {@link io.tfbridge.callbacks.LambdaCallback}.
 */
package io.tfbridge.callbacks;
