/**
 * Keras's legacy image augmentation, {@code keras.preprocessing.image.ImageDataGenerator}, in Java:
 * random affine transforms (rotation, shifts, shear, zoom), flips, channel and brightness shifts and
 * the standardization steps, equal to Keras pixel for pixel for the same transform parameters.
 *
 * <p>The warp samples each output pixel from the input as {@code scipy.ndimage.affine_transform}
 * (order 1) does, fill modes included; it runs as TensorFlow ops (a coordinate map and a gather) in
 * an eager session, a whole batch at once.
 *
 * <pre>{@code
 * ImageDataGenerator gen = ImageDataGenerator.of()
 *     .rotationRange(20).widthShiftRange(0.1).horizontalFlip(true).rescale(1 / 255.0);
 * ImageFlow flow = gen.flow(xTrain, yTrain, 32, true, 42L);
 * ImageBatch batch = flow.next();
 * }</pre>
 */
package io.tfbridge.preprocessing.image;
