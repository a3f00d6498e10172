package io.tfbridge.interop.savedmodel;

import io.tfbridge.inference.TensorSpec;
import io.tfbridge.interop.tensors.HostTensors;
import io.tfbridge.interop.tensors.InputChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.exceptions.TFUnimplementedException;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.proto.RunOptions;

/**
 * One call of a signature: checks the named inputs, feeds them to the signature's graph tensors
 * through {@code session.runner()}, fetches every output and copies it to the host. Every tensor it
 * makes, and the run's result, is closed before it returns.
 */
final class SignatureCall {
  /**
   * Rows up to which a call runs its ops on the calling thread (TensorFlow's
   * {@code RunOptions.inter_op_thread_pool = -1}), as tfbridge's own models do: for a few rows the
   * hand-off to the inter-op pool costs more than the ops.
   */
  private static final int CALLER_THREAD_ROWS = 16;

  private static final RunOptions CALLER_THREAD =
      RunOptions.newBuilder().setInterOpThreadPool(-1).build();

  private final SavedModelSignature signature;
  private final List<TensorSpec> inputs;
  private final List<String> fetches;
  private final String context;
  private volatile Resolved resolved;

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
  Map<String, NdArray<?>> run(SavedModelBundle bundle, Map<String, ? extends NdArray<?>> values) {
    InputChecks.check(context, inputs, values);
    Resolved graph = resolved(bundle.graph());
    try (Feeds feeds = new Feeds()) {
      Session.Runner runner = bundle.session().runner();
      for (int i = 0; i < inputs.size(); i++) {
        TensorSpec input = inputs.get(i);
        runner.feed(graph.feeds.get(i), feeds.add(HostTensors.toTensor(values.get(input.name()),
            input.dtype())));
      }
      graph.fetches.forEach(runner::fetch);
      if (feeds.rows() <= CALLER_THREAD_ROWS) {
        runner.setOptions(CALLER_THREAD);
      }
      return fetch(runner);
    }
  }

  /** The feeds and fetches as outputs of {@code graph}, looked up by name on the first run. */
  private Resolved resolved(Graph graph) {
    Resolved r = resolved;
    if (r == null || r.graph != graph) {
      r = new Resolved(graph, inputs.stream().<Output<?>>map(in -> output(graph, tensorName(in.name())))
          .toList(), fetches.stream().<Output<?>>map(name -> output(graph, name)).toList());
      resolved = r;
    }
    return r;
  }

  private static Output<?> output(Graph graph, String tensorName) {
    int colon = tensorName.lastIndexOf(':');
    return colon < 0 ? graph.operation(tensorName).output(0)
        : graph.operation(tensorName.substring(0, colon))
            .output(Integer.parseInt(tensorName.substring(colon + 1)));
  }

  /** A graph's feed and fetch outputs, in the order of the inputs and the fetches. */
  private record Resolved(Graph graph, List<Output<?>> feeds, List<Output<?>> fetches) {}

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

    /** The first fed tensor's rows (1 for a scalar). */
    long rows() {
      Tensor first = tensors.isEmpty() ? null : tensors.get(0);
      return first == null || first.shape().numDimensions() == 0 ? 1 : first.shape().get(0);
    }

    @Override
    public void close() {
      tensors.forEach(Tensor::close);
    }
  }
}
