/**
 * Keras's image preprocessing layers that live inside a model: the deterministic {@link
 * io.tfbridge.layers.preprocessing.Resizing} and {@link io.tfbridge.layers.preprocessing.CenterCrop},
 * and the augmentation layers ({@link io.tfbridge.layers.preprocessing.RandomFlip}, {@link
 * io.tfbridge.layers.preprocessing.RandomRotation}, {@link
 * io.tfbridge.layers.preprocessing.RandomTranslation}, {@link
 * io.tfbridge.layers.preprocessing.RandomZoom}, {@link io.tfbridge.layers.preprocessing.RandomContrast},
 * {@link io.tfbridge.layers.preprocessing.RandomBrightness}, {@link
 * io.tfbridge.layers.preprocessing.RandomCrop}) that change images only while training and are the
 * identity at inference, as in Keras 3.15 (RandomCrop's inference output keeps the input's size). Images are batches of shape
 * {@code (batch, height, width, channels)} ({@code channels_last} only).
 *
 * <pre>{@code
 * KerasTensor x = Input.of(32, 32, 3).tensor();
 * KerasTensor y = RandomFlip.of("horizontal").apply(x);
 * y = RandomRotation.of(0.1).fillMode("constant").apply(y);
 * }</pre>
 */
package io.tfbridge.layers.preprocessing;
