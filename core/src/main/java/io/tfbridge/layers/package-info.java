/**
 * Immutable layer specs with Keras's names, options and defaults: {@link io.tfbridge.layers.Dense},
 * {@link io.tfbridge.layers.Conv2D}, {@link io.tfbridge.layers.MaxPooling2D},
 * {@link io.tfbridge.layers.Flatten}, {@link io.tfbridge.layers.SimpleRNN},
 * {@link io.tfbridge.layers.Dropout}, {@link io.tfbridge.layers.Activation},
 * {@link io.tfbridge.layers.Reshape}, {@link io.tfbridge.layers.AveragePooling2D},
 * {@link io.tfbridge.layers.GlobalAveragePooling2D}, {@link io.tfbridge.layers.GlobalMaxPooling2D},
 * {@link io.tfbridge.layers.GlobalAveragePooling1D}, {@link io.tfbridge.layers.Conv1D},
 * {@link io.tfbridge.layers.Embedding}, {@link io.tfbridge.layers.LSTM}, {@link io.tfbridge.layers.GRU},
 * {@link io.tfbridge.layers.BatchNormalization} and {@link io.tfbridge.layers.Input}; the padding,
 * cropping and upsampling layers ({@link io.tfbridge.layers.ZeroPadding},
 * {@link io.tfbridge.layers.Cropping}, {@link io.tfbridge.layers.UpSampling}), pooling in one to three
 * dimensions ({@link io.tfbridge.layers.Pooling}, {@link io.tfbridge.layers.GlobalPooling}), the merges
 * ({@link io.tfbridge.layers.ElementwiseMerge}, {@link io.tfbridge.layers.Dot},
 * {@link io.tfbridge.layers.Concatenate}), {@link io.tfbridge.layers.RepeatVector},
 * {@link io.tfbridge.layers.Permute}, {@link io.tfbridge.layers.Identity}, the noise layers
 * ({@link io.tfbridge.layers.SpatialDropout}, {@link io.tfbridge.layers.GaussianNoise},
 * {@link io.tfbridge.layers.GaussianDropout}), the activation layers {@link io.tfbridge.layers.ReLU},
 * {@link io.tfbridge.layers.LeakyReLU}, {@link io.tfbridge.layers.PReLU}, {@link io.tfbridge.layers.ELU}
 * and {@link io.tfbridge.layers.Softmax}, {@link io.tfbridge.layers.Rescaling}, and the normalizations
 * {@link io.tfbridge.layers.Normalization}, {@link io.tfbridge.layers.LayerNormalization},
 * {@link io.tfbridge.layers.GroupNormalization} and {@link io.tfbridge.layers.UnitNormalization}.
 *
 * <p>A spec knows its output shape and weights for an input shape and emits its forward ops; it owns no
 * native state. Incompatible inputs raise Keras's error, naming the layer and the full shape.
 */
package io.tfbridge.layers;
