package io.tfbridge.interop.savedmodel;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.proto.MetaGraphDef;

/**
 * Loads SavedModels as {@link SavedModelPredictor}s: Keras 3 {@code model.export}, Python's
 * {@code tf.saved_model.save}, tf-keras 2 {@code model.save(dir)} and Java-exported ones alike
 * (the meta graph tagged {@code serve}).
 *
 * <pre>{@code
 * SavedModels.signatures(dir);      // the signatures, read from saved_model.pb alone
 * try (SavedModelPredictor model = SavedModels.load(dir)) {            // serving_default
 *   System.out.println(model.inputs());  // [keras_tensor_15: float32 (None, 4)]
 * }
 * try (SavedModelPredictor greet = SavedModels.load(dir, "greet")) { ... }
 * }</pre>
 *
 * <p>Every way a directory can be broken is an {@link IllegalArgumentException} naming it: no such
 * directory, no {@code saved_model.pb}, a corrupt one, no {@code serve} meta graph, a missing
 * {@code variables/}, a signature that does not exist (listing those that do).
 */
public final class SavedModels {
  /** The tag of the meta graph loaded for serving. */
  public static final String SERVE = "serve";

  private SavedModels() {}

  /** True if {@code dir} is a directory holding {@code saved_model.pb} (or {@code .pbtxt}). */
  public static boolean isSavedModel(Path dir) {
    return SavedModelDirectory.isSavedModel(dir);
  }

  /**
   * The callable signatures of the SavedModel in {@code dir}, sorted by key, read from
   * {@code saved_model.pb} without loading the model.
   *
   * @throws IllegalArgumentException if {@code dir} is not a readable SavedModel
   */
  public static List<SavedModelSignature> signatures(Path dir) {
    MetaGraphDef graph = SavedModelDirectory.open(dir).metaGraph(SERVE);
    return List.copyOf(signatureMap(graph).values());
  }

  /**
   * Loads the SavedModel in {@code dir} and returns a predictor over its {@code serving_default}
   * signature (or its only signature, if it has one by another name).
   *
   * @throws IllegalArgumentException if {@code dir} is not a loadable SavedModel, or has several
   *     signatures but no {@code serving_default}
   */
  public static SavedModelPredictor load(Path dir) {
    return load(dir, null);
  }

  /**
   * Loads the SavedModel in {@code dir} and returns a predictor over signature {@code key}
   * ({@code null}: the default one).
   *
   * @throws IllegalArgumentException if {@code dir} is not a loadable SavedModel or has no such
   *     signature, listing those it has
   */
  public static SavedModelPredictor load(Path dir, String key) {
    return load(dir, key, UnsafeOps.Policy.REFUSE);
  }

  /**
   * {@link #load(Path, String)}, running ops that reach outside the model ({@link UnsafeOps}: files,
   * network, process) only when {@code policy} is {@link UnsafeOps.Policy#ALLOW}; by default such a
   * model is refused before any of it runs.
   *
   * @throws UnsafeModelException if the model holds an unsafe op and {@code policy} refuses them
   */
  public static SavedModelPredictor load(Path dir, String key, UnsafeOps.Policy policy) {
    SavedModelBundle bundle = SavedModelDirectory.open(dir).load(SERVE, policy);
    try {
      Map<String, SavedModelSignature> signatures = signatureMap(bundle.metaGraphDef());
      String chosen = key != null ? key : defaultKey(dir, signatures);
      return new SavedModelPredictor(new SharedBundle(bundle, dir), signatures, chosen);
    } catch (RuntimeException e) {
      bundle.close();
      throw e;
    }
  }

  private static Map<String, SavedModelSignature> signatureMap(MetaGraphDef graph) {
    Map<String, SavedModelSignature> signatures = new TreeMap<>();
    graph.getSignatureDefMap().forEach((key, def) -> {
      if (SavedModelSignature.isPublic(key)) {
        signatures.put(key, SavedModelSignature.of(key, def));
      }
    });
    return signatures;
  }

  private static String defaultKey(Path dir, Map<String, SavedModelSignature> signatures) {
    if (signatures.containsKey(SavedModelSignature.SERVING_DEFAULT) || signatures.size() > 1) {
      return SavedModelSignature.SERVING_DEFAULT;
    }
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("SavedModel " + dir + " has no signatures to call");
    }
    return signatures.keySet().iterator().next();
  }
}
