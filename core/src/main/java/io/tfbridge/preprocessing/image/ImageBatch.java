package io.tfbridge.preprocessing.image;

import org.tensorflow.ndarray.FloatNdArray;

/**
 * One batch of {@link ImageFlow}: the images, augmented and standardized (N, H, W, C), and their
 * labels' rows ({@code null} when the flow has no labels).
 *
 * <pre>{@code
 * ImageBatch batch = flow.next();
 * long size = batch.x().shape().size(0);
 * }</pre>
 *
 * @param x the images
 * @param y the labels, or null
 */
public record ImageBatch(FloatNdArray x, FloatNdArray y) {
}
