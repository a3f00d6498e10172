package io.tfbridge.interop.savedmodel;

import io.tfbridge.inference.Predictor;
import io.tfbridge.inference.TensorSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.tensorflow.ndarray.NdArray;

/**
 * A {@link Predictor} over one signature of a loaded SavedModel ({@code serving_default} unless
 * another is chosen). Inputs are fed by the signature's keys, such as Keras 3's generated
 * {@code keras_tensor_15}: read them from {@link #inputs()}, never guess them. Every signature of
 * the SavedModel is listed by {@link #signatures()} and reachable through
 * {@link #signature(String)}, which shares the loaded bundle: the bundle is closed when the last
 * predictor using it is.
 *
 * <pre>{@code
 * try (SavedModelPredictor model = SavedModels.load(Path.of("iris_savedmodel"))) {
 *   String input = model.inputs().get(0).name();               // "keras_tensor"
 *   Map<String, NdArray<?>> out = model.predict(Map.of(input, features));
 *   FloatNdArray probabilities = (FloatNdArray) out.get("output_0");
 *   try (SavedModelPredictor greet = model.signature("greet")) {
 *     greet.predict(Map.of("names", NdArrays.vectorOfObjects("Ada")));
 *   }
 * }
 * }</pre>
 *
 * <p>Safe for concurrent predictions; using a predictor after {@link #close()} throws
 * {@link IllegalStateException}.
 */
public final class SavedModelPredictor implements Predictor {
  private final SharedBundle bundle;
  private final Map<String, SavedModelSignature> signatures;
  private final SavedModelSignature signature;
  private final SignatureCall call;
  private final String where;
  private final AtomicBoolean closed = new AtomicBoolean();

  SavedModelPredictor(SharedBundle bundle, Map<String, SavedModelSignature> signatures,
      String key) {
    this.signatures = signatures;
    this.signature = signatures.get(key);
    if (signature == null) {
      throw new IllegalArgumentException("SavedModel " + bundle.dir() + " has no signature '" + key
          + "'; its signatures are " + String.join(", ", signatures.keySet()));
    }
    this.where = bundle.dir() + ", signature '" + key + "'";
    this.call = signature.supported() ? new SignatureCall(signature, context()) : null;
    this.bundle = bundle.acquire();
  }

  /** The SavedModel's directory. */
  public Path directory() {
    return bundle.dir();
  }

  /** The key of the signature this predictor runs. */
  public String signatureKey() {
    return signature.key();
  }

  /** Every callable signature of the SavedModel, sorted by key. */
  public List<SavedModelSignature> signatures() {
    return List.copyOf(signatures.values());
  }

  /**
   * A predictor over another signature of the same loaded SavedModel; close it too.
   *
   * @throws IllegalArgumentException if there is no such signature, listing those there are
   * @throws IllegalStateException if this predictor is closed
   */
  public SavedModelPredictor signature(String key) {
    checkOpen();
    return new SavedModelPredictor(bundle, signatures, key);
  }

  /** The signature's inputs, sorted by key. */
  @Override
  public List<TensorSpec> inputs() {
    return call().inputs();
  }

  /** The signature's outputs, sorted by key. */
  @Override
  public List<TensorSpec> outputs() {
    return signature.outputs().stream().map(SignatureTensor::spec).toList();
  }

  /**
   * Runs the signature.
   *
   * @throws IllegalArgumentException for a missing or unknown input name, or an input of the
   *     wrong dtype or shape, naming the directory, the signature and the input
   * @throws IllegalStateException if this predictor is closed
   */
  @Override
  public Map<String, NdArray<?>> predict(Map<String, ? extends NdArray<?>> inputs) {
    checkOpen();
    SignatureCall checked = call();
    return bundle.withBundle(loaded -> checked.run(loaded, inputs));
  }

  /** Releases this predictor's hold on the bundle; a second call does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      bundle.release();
    }
  }

  /** {@code SavedModelPredictor[/models/iris, signature 'serving_default']}. */
  @Override
  public String toString() {
    return "SavedModelPredictor[" + where + "]";
  }

  private SignatureCall call() {
    if (call == null) {
      throw new IllegalArgumentException(context() + " is not supported: " + signature.describe()
          .lines().skip(1).map(String::strip).collect(Collectors.joining("; ")));
    }
    return call;
  }

  private String context() {
    return "SavedModel " + where;
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("SavedModelPredictor for " + where + " is closed");
    }
  }
}
