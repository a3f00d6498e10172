/**
 * Keras's optimizers ({@link io.tfbridge.optimizers.Adam}, {@link io.tfbridge.optimizers.SGD}) with
 * Keras's defaults; each adds graph ops that apply a step of gradients to VariableV2 variables.
 */
package io.tfbridge.optimizers;
