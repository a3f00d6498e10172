/**
 * Graph building and execution behind a compiled model: the VariableV2 store keyed by Keras weight paths,
 * the forward pass, loss, metrics, gradients and optimizer step built once, and the per-batch runs.
 * {@link io.tfbridge.engine.CompiledGraph} owns the Graph and Session.
 */
package io.tfbridge.engine;
