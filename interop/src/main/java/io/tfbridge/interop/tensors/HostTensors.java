package io.tfbridge.interop.tensors;

import io.tfbridge.inference.DType;
import java.util.Optional;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.BooleanNdArray;
import org.tensorflow.ndarray.ByteNdArray;
import org.tensorflow.ndarray.DoubleNdArray;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.IntNdArray;
import org.tensorflow.ndarray.LongNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;

/**
 * Copies host arrays into TensorFlow tensors and back. Each {@link DType} has one host type:
 * <pre>
 * float32 FloatNdArray   ↔ TFloat32     int64  LongNdArray    ↔ TInt64
 * float64 DoubleNdArray  ↔ TFloat64     bool   BooleanNdArray ↔ TBool
 * int32   IntNdArray     ↔ TInt32       uint8  ByteNdArray    ↔ TUint8
 * string  NdArray&lt;String&gt; ↔ TString (UTF-8)
 * </pre>
 * A string input may also be an {@code NdArray<byte[]>}, fed byte for byte (serialized protos,
 * image files); string outputs are always read back as UTF-8 {@code String}s.
 * The caller owns (and closes) every tensor {@link #toTensor} returns; {@link #toHost} copies a
 * tensor's values so the tensor can be closed right after.
 *
 * <pre>{@code
 * try (Tensor t = HostTensors.toTensor(x, DType.FLOAT32)) {
 *   NdArray<?> back = HostTensors.toHost(t);
 * }
 * }</pre>
 */
public final class HostTensors {
  private HostTensors() {}

  /** The dtype a host array holds, or empty if it is none of the mapped host types. */
  public static Optional<DType> dtypeOf(NdArray<?> value) {
    if (value instanceof FloatNdArray) {
      return Optional.of(DType.FLOAT32);
    } else if (value instanceof DoubleNdArray) {
      return Optional.of(DType.FLOAT64);
    } else if (value instanceof IntNdArray) {
      return Optional.of(DType.INT32);
    } else if (value instanceof LongNdArray) {
      return Optional.of(DType.INT64);
    } else if (value instanceof BooleanNdArray) {
      return Optional.of(DType.BOOL);
    } else if (value instanceof ByteNdArray) {
      return Optional.of(DType.UINT8);
    }
    return holdsStrings(value) ? Optional.of(DType.STRING) : Optional.empty();
  }

  /** A short description of a host array's element type, for error messages. */
  public static String describeType(NdArray<?> value) {
    return dtypeOf(value).map(DType::numpyName)
        .orElseGet(() -> "an unsupported array (" + value.getClass().getSimpleName() + ")");
  }

  /**
   * A new tensor holding a copy of {@code value}.
   *
   * @throws IllegalArgumentException if {@code value} is not the host type of {@code dtype}
   */
  @SuppressWarnings("unchecked")
  public static Tensor toTensor(NdArray<?> value, DType dtype) {
    if (dtypeOf(value).orElse(null) != dtype) {
      throw new IllegalArgumentException("Expected " + dtype.numpyName() + " values, found "
          + describeType(value));
    }
    return switch (dtype) {
      case FLOAT32 -> TFloat32.tensorOf((FloatNdArray) value);
      case FLOAT64 -> TFloat64.tensorOf((DoubleNdArray) value);
      case INT32 -> TInt32.tensorOf((IntNdArray) value);
      case INT64 -> TInt64.tensorOf((LongNdArray) value);
      case BOOL -> TBool.tensorOf((BooleanNdArray) value);
      case UINT8 -> TUint8.tensorOf((ByteNdArray) value);
      case STRING -> holdsBytes(value) ? TString.tensorOfBytes((NdArray<byte[]>) value)
          : TString.tensorOf((NdArray<String>) value);
    };
  }

  /**
   * A host copy of a tensor's values.
   *
   * @throws IllegalArgumentException for a tensor type tfbridge does not map
   */
  public static NdArray<?> toHost(Tensor tensor) {
    Shape shape = tensor.shape();
    DType dtype = TfTypes.dtype(tensor.dataType()).orElseThrow(() -> new IllegalArgumentException(
        "Cannot copy a tensor of type " + TfTypes.describe(tensor.dataType()) + " to the host"));
    NdArray<?> host = switch (dtype) {
      case FLOAT32 -> NdArrays.ofFloats(shape);
      case FLOAT64 -> NdArrays.ofDoubles(shape);
      case INT32 -> NdArrays.ofInts(shape);
      case INT64 -> NdArrays.ofLongs(shape);
      case BOOL -> NdArrays.ofBooleans(shape);
      case UINT8 -> NdArrays.ofBytes(shape);
      case STRING -> NdArrays.ofObjects(String.class, shape);
    };
    copy(tensor, host);
    return host;
  }

  /** Copies a tensor's values into a host array of its type and shape. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void copy(Tensor tensor, NdArray<?> host) {
    ((NdArray) tensor).copyTo((NdArray) host);
  }

  /** True for an array of Strings or byte[]s (an empty object array counts as one). */
  private static boolean holdsStrings(NdArray<?> value) {
    if (value.shape().isUnknown() || value instanceof org.tensorflow.ndarray.ShortNdArray) {
      return false;
    }
    return value.size() == 0 || value.streamOfObjects().findFirst().orElse(null) instanceof String
        || holdsBytes(value);
  }

  /** True for a non-empty array of byte[]s. */
  private static boolean holdsBytes(NdArray<?> value) {
    return value.size() > 0 && value.streamOfObjects().findFirst().orElse(null) instanceof byte[];
  }
}
