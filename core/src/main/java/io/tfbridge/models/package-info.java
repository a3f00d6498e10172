/**
 * Keras's model API: {@link io.tfbridge.models.Sequential} specs compile into
 * {@link io.tfbridge.models.Model}s, which own their TensorFlow graph and session and offer
 * {@code fit}, {@code evaluate}, {@code predict}, weights and {@code summary}.
 */
package io.tfbridge.models;
