/**
 * Small utilities shared across tfbridge, as Keras's {@code keras.utils}:
 * {@link io.tfbridge.utils.PyFormat} prints numbers as Python and numpy print them, so that messages,
 * CSV files and the lessons' output read as Keras's do.
 */
package io.tfbridge.utils;
