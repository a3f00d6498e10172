/**
 * Host data for models: {@link io.tfbridge.data.HostArrays} turns Java arrays into the
 * {@code FloatNdArray}s that {@code fit}, {@code evaluate} and {@code predict} take, and back.
 *
 * <p>Numpy array files for the JVM: {@code .npy} ({@link io.tfbridge.data.Npy}) and
 * {@code .npz} ({@link io.tfbridge.data.Npz}), holding {@link io.tfbridge.data.NpyArray}s.
 *
 * <p>Use these to move data between Python and Java: save with {@code np.save} /
 * {@code np.savez}, load in Java, and the other way round.
 *
 * <pre>{@code
 * // Python: np.save("x_train.npy", X_train.astype("float32"))
 * float[][] xTrain = Npy.read(Path.of("x_train.npy")).toFloatMatrix();
 * int[] yTrain = Npz.read(Path.of("data.npz")).get("y_train").toInts();
 * }</pre>
 *
 * <p>Errors: a file that is not valid (wrong magic string, unsupported dtype, Fortran order,
 * truncated data) raises {@link java.lang.IllegalArgumentException} whose message names the
 * file and what was expected and found; failures to read or write raise
 * {@link java.io.IOException}. Only the JDK is used.
 */
package io.tfbridge.data;
