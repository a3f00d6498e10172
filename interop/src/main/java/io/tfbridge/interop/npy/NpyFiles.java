package io.tfbridge.interop.npy;

import io.tfbridge.data.Npy;
import io.tfbridge.inference.DType;
import io.tfbridge.interop.tensors.HostTensors;
import java.io.IOException;
import java.nio.file.Path;
import org.tensorflow.ndarray.NdArray;

/**
 * Reads and writes {@code .npy} files as the host arrays a
 * {@link io.tfbridge.inference.Predictor} takes and gives: float32, float64, int32, int64, uint8,
 * bool and string arrays ({@code FloatNdArray}, ..., {@code NdArray<String>}).
 *
 * <pre>{@code
 * NdArray<?> x = NpyFiles.read(Path.of("x.npy"));
 * Map<String, NdArray<?>> y = predictor.predict(Map.of("keras_tensor", x));
 * NpyFiles.write(Path.of("y.npy"), y.get("output_0"));
 * }</pre>
 */
public final class NpyFiles {
  private NpyFiles() {}

  /**
   * Reads a {@code .npy} file.
   *
   * @throws IllegalArgumentException if it is not a valid .npy file of a supported dtype
   * @throws IOException if it cannot be read
   */
  public static NdArray<?> read(Path file) throws IOException {
    if (NpyStrings.isStringHeader(NpyStrings.header(file))) {
      return NpyStrings.read(file);
    }
    try {
      return NpyNdArrays.toNdArray(Npy.read(file));
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith(file.toString()) ? e
          : new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code array} as a {@code .npy} file that {@code np.load} reads.
   *
   * @throws IllegalArgumentException for an array of no supported dtype
   * @throws IOException if it cannot be written
   */
  @SuppressWarnings("unchecked")
  public static void write(Path file, NdArray<?> array) throws IOException {
    if (HostTensors.dtypeOf(array).orElse(null) == DType.STRING) {
      NpyStrings.write(file, (NdArray<String>) array);
    } else {
      Npy.write(file, NpyNdArrays.toNpy(array));
    }
  }
}
