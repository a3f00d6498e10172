package io.tfbridge.interop.savedmodel;

import io.tfbridge.inference.TensorSpec;
import io.tfbridge.interop.tensors.HostTensors;
import io.tfbridge.interop.tensors.InputChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.exceptions.TFUnimplementedException;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.NdArray;

/**
 * One call of a signature: checks the named inputs, feeds them to the signature's graph tensors
 * through {@code session.runner()}, fetches every output and copies it to the host. Every tensor it
 * makes, and the run's result, is closed before it returns.
 */
final class SignatureCall {
  private final SavedModelSignature signature;
  private final List<TensorSpec> inputs;
  private final List<String> fetches;
  private final String context;

  /** A call of {@code signature}; {@code context} starts error messages. */
  SignatureCall(SavedModelSignature signature, String context) {
    this.signature = signature;
    this.inputs = signature.inputs().stream().map(SignatureTensor::spec).toList();
    this.fetches = signature.outputs().stream().map(SignatureTensor::tensorName).distinct()
        .toList();
    this.context = context;
  }

  /** The inputs' specs, sorted by key. */
  List<TensorSpec> inputs() {
    return inputs;
  }

  /** Checks {@code values}, runs the signature and returns every output by key. */
  Map<String, NdArray<?>> run(Session session, Map<String, ? extends NdArray<?>> values) {
    InputChecks.check(context, inputs, values);
    try (Feeds feeds = new Feeds()) {
      Session.Runner runner = session.runner();
      for (TensorSpec input : inputs) {
        Tensor t = feeds.add(HostTensors.toTensor(values.get(input.name()), input.dtype()));
        runner.feed(tensorName(input.name()), t);
      }
      fetches.forEach(runner::fetch);
      return fetch(runner);
    }
  }

  private Map<String, NdArray<?>> fetch(Session.Runner runner) {
    try (Result result = runner.run()) {
      Map<String, NdArray<?>> outputs = new LinkedHashMap<>();
      for (SignatureTensor output : signature.outputs()) {
        Tensor value = result.get(fetches.indexOf(output.tensorName()));
        outputs.put(output.key(), HostTensors.toHost(value));
      }
      return outputs;
    } catch (TensorFlowException | TFInvalidArgumentException | TFUnimplementedException e) {
      throw new IllegalArgumentException(context + ": TensorFlow failed to run the signature: "
          + String.valueOf(e.getMessage()).strip().lines().findFirst().orElse(""), e);
    }
  }

  private String tensorName(String key) {
    return signature.inputs().stream().filter(t -> t.key().equals(key)).findFirst()
        .orElseThrow().tensorName();
  }

  /** The input tensors of one call, closed together. */
  private static final class Feeds implements AutoCloseable {
    private final List<Tensor> tensors = new ArrayList<>();

    Tensor add(Tensor tensor) {
      tensors.add(tensor);
      return tensor;
    }

    @Override
    public void close() {
      tensors.forEach(Tensor::close);
    }
  }
}
