/**
 * Data preparation on plain Java arrays, with the names, defaults and error messages of
 * scikit-learn and Keras.
 *
 * <ul>
 *   <li>{@link io.tfbridge.preprocessing.TrainTestSplit#trainTestSplit} —
 *       {@code sklearn.model_selection.train_test_split}</li>
 *   <li>{@link io.tfbridge.preprocessing.StandardScaler} —
 *       {@code sklearn.preprocessing.StandardScaler}</li>
 *   <li>{@link io.tfbridge.preprocessing.Sequences#padSequences} —
 *       {@code keras.utils.pad_sequences}</li>
 *   <li>{@link io.tfbridge.preprocessing.Utils#toCategorical} —
 *       {@code keras.utils.to_categorical}</li>
 *   <li>{@link io.tfbridge.preprocessing.Metrics#accuracyScore} and
 *       {@link io.tfbridge.preprocessing.Metrics#argmax} — {@code sklearn.metrics.accuracy_score}
 *       and {@code numpy.argmax(axis=1)}</li>
 * </ul>
 *
 * <pre>{@code
 * Iris.Data iris = Iris.load();
 * TrainTestSplit.Split s = TrainTestSplit.trainTestSplit(iris.data(), iris.target(), 0.3, 42);
 * StandardScaler scaler = new StandardScaler();
 * float[][] xTrain = scaler.fitTransform(s.xTrain());
 * float[][] xTest = scaler.transform(s.xTest());
 * }</pre>
 *
 * <p>Inputs are never modified; results are new arrays. Bad arguments raise
 * {@link java.lang.IllegalArgumentException} stating what was expected and what was found.
 */
package io.tfbridge.preprocessing;
