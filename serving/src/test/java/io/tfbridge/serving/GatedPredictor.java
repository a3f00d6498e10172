package io.tfbridge.serving;

import io.tfbridge.inference.DType;
import io.tfbridge.inference.Predictor;
import io.tfbridge.inference.TensorSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;

/** A predictor of float input x [-1, 1] that answers y = x once its gate opens. */
final class GatedPredictor implements Predictor {
  private final CountDownLatch gate;

  GatedPredictor(CountDownLatch gate) {
    this.gate = gate;
  }

  @Override
  public List<TensorSpec> inputs() {
    return List.of(new TensorSpec("x", DType.FLOAT32, Shape.of(-1, 1)));
  }

  @Override
  public List<TensorSpec> outputs() {
    return List.of(new TensorSpec("y", DType.FLOAT32, Shape.of(-1, 1)));
  }

  @Override
  public Map<String, NdArray<?>> predict(Map<String, ? extends NdArray<?>> inputs) {
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Map.of("y", inputs.get("x"));
  }

  @Override
  public void close() {}
}
