/**
 * SavedModels: {@link io.tfbridge.interop.savedmodel.SavedModelExport} writes a Java-trained model
 * with a {@code serving_default} signature (also in TF Serving's {@code base/1/} layout), and
 * {@link io.tfbridge.interop.savedmodel.SavedModels} loads any SavedModel (Keras 3
 * {@code model.export}, {@code tf.saved_model.save}, Java-exported) as a
 * {@link io.tfbridge.interop.savedmodel.SavedModelPredictor}: the shared
 * {@link io.tfbridge.inference.Predictor} over one of its signatures, each described by a
 * {@link io.tfbridge.interop.savedmodel.SavedModelSignature}. A SavedModel tfbridge exported also
 * loads back as a trainable Keras model with {@link io.tfbridge.interop.savedmodel.SavedModelImport}.
 *
 * <pre>{@code
 * try (SavedModelPredictor model = SavedModels.load(Path.of("iris_savedmodel"))) {
 *   Map<String, NdArray<?>> out = model.predict(Map.of(model.inputs().get(0).name(), x));
 * }
 * }</pre>
 */
package io.tfbridge.interop.savedmodel;
