package io.tfbridge.engine;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * The session options of a single-device model (a compiled one, or a loaded SavedModel). TensorFlow's Grappler (its graph optimizer) runs
 * at each new kind of run (a training step, a test step, a prediction) and is off by default here:
 * on a CPU it costs more than it gives a Keras model's graphs (measured on a 2-core AVX-512
 * machine, 2026-12-01: the lesson CNN trains 10-15% faster without it and predicts as fast; the
 * iris MLP's first training step takes 22-31 instead of 48-64 ms; NASNetMobile's first training
 * step 9 instead of 44 s). {@code -Dtfbridge.grappler=on} turns it back on:
 * do so on a GPU, where its layout optimizer matters. Results are the same within float rounding
 * (the golden tests pass either way).
 */
public final class SessionConfigs {
  /** The system property: {@code on} runs Grappler, anything else (or unset) does not. */
  public static final String GRAPPLER = "tfbridge.grappler";

  private SessionConfigs() {}

  /** {@code base} with Grappler off unless {@value #GRAPPLER} is {@code on}. */
  public static ConfigProto singleDevice(ConfigProto base) {
    if ("on".equals(System.getProperty(GRAPPLER))) {
      return base;
    }
    GraphOptions.Builder graph = base.getGraphOptions().toBuilder();
    graph.setRewriteOptions(graph.getRewriteOptions().toBuilder().setDisableMetaOptimizer(true));
    return base.toBuilder().setGraphOptions(graph).build();
  }
}
