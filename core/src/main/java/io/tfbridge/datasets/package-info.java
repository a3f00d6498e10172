/**
 * Small datasets for examples and tests, loaded the way Keras and scikit-learn load them.
 *
 * <ul>
 *   <li>{@link io.tfbridge.datasets.Iris#load()}: Fisher's iris (150 x 4), as
 *       {@code sklearn.datasets.load_iris()}.</li>
 *   <li>{@link io.tfbridge.datasets.Mnist#loadData()}: a bundled 10,000-digit MNIST subset
 *       (8,000 train / 2,000 test), as {@code keras.datasets.mnist.load_data()};
 *       {@link io.tfbridge.datasets.Mnist#loadData(java.nio.file.Path)} reads the full MNIST
 *       from IDX files ({@link io.tfbridge.datasets.Idx}) or a Keras {@code mnist.npz}.</li>
 * </ul>
 *
 * <pre>{@code
 * Iris.Data iris = Iris.load();
 * var split = TrainTestSplit.trainTestSplit(iris.data(), iris.target(), 0.3, 42);
 * }</pre>
 *
 * <p>Where each bundled file came from and its licence: {@code io/tfbridge/datasets/README.md}
 * in the resources.
 */
package io.tfbridge.datasets;
