package io.tfbridge.interop.tensors;

import io.tfbridge.inference.DType;
import java.util.Optional;
import org.tensorflow.proto.DataType;

/**
 * TensorFlow's {@link DataType}s and tfbridge's {@link DType}s, one to one for the types tfbridge
 * maps (float32, float64, int32, int64, uint8, bool, string).
 *
 * <pre>{@code
 * TfTypes.dtype(DataType.DT_FLOAT);   // Optional[FLOAT32]
 * TfTypes.describe(DataType.DT_HALF); // "half"
 * }</pre>
 */
public final class TfTypes {
  private TfTypes() {}

  /** The tfbridge type of a TensorFlow type, or empty if tfbridge does not map it. */
  public static Optional<DType> dtype(DataType type) {
    return Optional.ofNullable(switch (type) {
      case DT_FLOAT -> DType.FLOAT32;
      case DT_DOUBLE -> DType.FLOAT64;
      case DT_INT32 -> DType.INT32;
      case DT_INT64 -> DType.INT64;
      case DT_UINT8 -> DType.UINT8;
      case DT_BOOL -> DType.BOOL;
      case DT_STRING -> DType.STRING;
      default -> null;
    });
  }

  /** The TensorFlow type of a tfbridge type. */
  public static DataType dataType(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> DataType.DT_FLOAT;
      case FLOAT64 -> DataType.DT_DOUBLE;
      case INT32 -> DataType.DT_INT32;
      case INT64 -> DataType.DT_INT64;
      case UINT8 -> DataType.DT_UINT8;
      case BOOL -> DataType.DT_BOOL;
      case STRING -> DataType.DT_STRING;
    };
  }

  /**
   * The numpy-style name of any TensorFlow type: {@code float32} for the mapped ones, else
   * TensorFlow's name without {@code DT_}, lower case ({@code half}, {@code resource}).
   */
  public static String describe(DataType type) {
    return dtype(type).map(DType::numpyName)
        .orElseGet(() -> type.name().replaceFirst("^DT_", "").toLowerCase(java.util.Locale.ROOT));
  }
}
