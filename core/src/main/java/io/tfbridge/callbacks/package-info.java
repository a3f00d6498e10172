/**
 * Keras-style callbacks for {@code fit}: {@link io.tfbridge.callbacks.Callback} hooks,
 * {@link io.tfbridge.callbacks.History} (what {@code fit} returns) and the per-epoch
 * {@link io.tfbridge.callbacks.ProgbarLogger}.
 */
package io.tfbridge.callbacks;
