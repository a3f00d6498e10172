package io.tfbridge.interop.savedmodel;

import io.tfbridge.inference.DType;
import io.tfbridge.inference.TensorSpec;
import io.tfbridge.interop.tensors.InputChecks;
import io.tfbridge.interop.tensors.TfTypes;
import java.util.Optional;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * One input or output of a SavedModel signature, as its {@code TensorInfo} describes it: the key
 * callers use ({@code keras_tensor_15}), the graph tensor behind it
 * ({@code serving_default_keras_tensor_15:0}), its TensorFlow type and its shape ({@code -1} for
 * unknown dimensions, {@link Shape#unknown()} for an unknown rank).
 *
 * <pre>{@code
 * tensor.describe();   // "keras_tensor_15: float32 (None, 4)"
 * tensor.spec();       // TensorSpec[name=keras_tensor_15, dtype=FLOAT32, shape=[-1, 4]]
 * }</pre>
 *
 * @param key the name in the signature
 * @param tensorName the graph tensor, {@code op:index}; empty for composite (sparse, ragged)
 *     tensors
 * @param dataType TensorFlow's element type
 * @param shape the static shape
 */
public record SignatureTensor(String key, String tensorName, DataType dataType, Shape shape) {

  /** The tensor a signature's {@code TensorInfo} describes. */
  static SignatureTensor of(String key, TensorInfo info) {
    String name = info.getEncodingCase() == TensorInfo.EncodingCase.NAME ? info.getName() : "";
    return new SignatureTensor(key, name, info.getDtype(), shapeOf(info.getTensorShape()));
  }

  static Shape shapeOf(TensorShapeProto proto) {
    if (proto.getUnknownRank()) {
      return Shape.unknown();
    }
    return Shape.of(proto.getDimList().stream().mapToLong(TensorShapeProto.Dim::getSize).toArray());
  }

  /** The tfbridge dtype, or empty if tfbridge does not map TensorFlow's type. */
  public Optional<DType> dtype() {
    return TfTypes.dtype(dataType);
  }

  /** True if tfbridge can feed or fetch this tensor: a mapped dtype and a plain (dense) tensor. */
  public boolean supported() {
    return dtype().isPresent() && !tensorName.isEmpty();
  }

  /**
   * The spec of this tensor.
   *
   * @throws IllegalArgumentException if it is not {@link #supported()}
   */
  public TensorSpec spec() {
    if (!supported()) {
      throw new IllegalArgumentException("'" + key + "' is " + describe()
          + "; tfbridge supports dense float32, float64, int32, int64, uint8, bool and string");
    }
    return new TensorSpec(key, dtype().get(), shape);
  }

  /** {@code key: float32 (None, 4)}, noting a type or encoding tfbridge does not support. */
  public String describe() {
    String text = key + ": " + TfTypes.describe(dataType) + " " + InputChecks.format(shape);
    if (tensorName.isEmpty()) {
      return text + " (composite tensor, not supported)";
    }
    return dtype().isPresent() ? text : text + " (type not supported)";
  }
}
