/**
 * Keras's weight initializers ({@code glorot_uniform}, {@code orthogonal}, {@code zeros},
 * {@code uniform}, {@code ones}), computed on the host from a seeded generator so that a seed makes a run
 * repeatable.
 */
package io.tfbridge.initializers;
