package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfbridge.activations.Activation;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.AveragePooling2D;
import io.tfbridge.layers.Conv1D;
import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Dropout;
import io.tfbridge.layers.Embedding;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.GlobalAveragePooling1D;
import io.tfbridge.layers.GlobalAveragePooling2D;
import io.tfbridge.layers.GlobalMaxPooling2D;
import io.tfbridge.layers.Layer;
import io.tfbridge.layers.MaxPooling2D;
import io.tfbridge.layers.Reshape;
import io.tfbridge.layers.SimpleRNN;
import io.tfbridge.layers.Window;

/**
 * The DSL's placed layers to Keras 3.15 layer configs, every option written as Keras writes it
 * (module, class_name, config, registered_name and, for layers Keras builds, build_config).
 */
final class LayerConfigWriter {
  private LayerConfigWriter() {}

  /** The config entry of one placed layer. */
  static ObjectNode write(LayerNode node) {
    Layer<?> layer = node.layer();
    ObjectNode c = Json.object().put("name", node.name()).put("trainable", true);
    c.set("dtype", Json.float32Policy());
    boolean built = true;
    if (layer instanceof Dense d) {
      dense(c, d);
    } else if (layer instanceof Conv2D conv) {
      conv2d(c, conv);
    } else if (layer instanceof MaxPooling2D pool) {
      maxPooling2d(c, pool);
      built = false;
    } else if (layer instanceof Flatten) {
      c.put("data_format", "channels_last");
    } else if (layer instanceof SimpleRNN rnn) {
      simpleRnn(c, rnn);
    } else if (layer instanceof Dropout dropout) {
      c.put("rate", dropout.rate()).putNull("seed").putNull("noise_shape");
      built = false;
    } else if (layer instanceof io.tfbridge.layers.Activation a) {
      c.put("activation", a.activation().kerasName());
      built = false;
    } else if (layer instanceof Reshape reshape) {
      com.fasterxml.jackson.databind.node.ArrayNode dims = c.putArray("target_shape");
      for (long d : reshape.targetShape()) {
        dims.add(d);
      }
      built = false;
    } else if (layer instanceof AveragePooling2D pool) {
      c.set("pool_size", pair(pool.poolSize()));
      c.put("padding", pool.padding().kerasName());
      c.set("strides", pair(pool.strides()));
      c.put("data_format", "channels_last");
      built = false;
    } else if (layer instanceof GlobalAveragePooling2D pool) {
      c.put("data_format", "channels_last").put("keepdims", pool.keepdims());
      built = false;
    } else if (layer instanceof GlobalMaxPooling2D pool) {
      c.put("data_format", "channels_last").put("keepdims", pool.keepdims());
      built = false;
    } else if (layer instanceof GlobalAveragePooling1D pool) {
      c.put("data_format", "channels_last").put("keepdims", pool.keepdims());
      built = false;
    } else if (layer instanceof Conv1D conv) {
      conv1d(c, conv);
    } else if (layer instanceof io.tfbridge.layers.LSTM lstm) {
      lstm(c, lstm);
    } else if (layer instanceof io.tfbridge.layers.GRU gru) {
      gru(c, gru);
    } else if (layer instanceof io.tfbridge.layers.BatchNormalization bn) {
      batchNormalization(c, bn);
    } else if (layer instanceof Embedding e) {
      c.put("input_dim", e.inputDim()).put("output_dim", e.outputDim());
      c.set("embeddings_initializer", InitializerConfigs.write(e.embeddingsInitializer()));
      c.putNull("embeddings_regularizer").putNull("activity_regularizer")
          .putNull("embeddings_constraint");
      c.put("mask_zero", false).putNull("quantization_config");
    } else if (layer instanceof io.tfbridge.layers.Concatenate concat) {
      c.put("axis", concat.axis());
    } else if (!(layer instanceof io.tfbridge.layers.Add)) {
      throw new IllegalArgumentException("layer '" + node.name() + "' (" + layer.className()
          + ") has no Keras config in tfbridge; supported: " + LayerConfigs.SUPPORTED);
    }
    ObjectNode entry = Json.serialized("keras.layers", layer.className(), c);
    if (built) {
      entry.set("build_config", Json.object().set("input_shape", buildShape(node)));
    }
    return entry;
  }

  /** A layer's input shape, or a merge layer's list of them. */
  private static com.fasterxml.jackson.databind.JsonNode buildShape(LayerNode node) {
    if (!(node.layer() instanceof io.tfbridge.layers.Merge<?>)) {
      return Json.batchShape(node.inputShape());
    }
    com.fasterxml.jackson.databind.node.ArrayNode shapes = Json.array();
    node.inputShapes().forEach(s -> shapes.add(Json.batchShape(s)));
    return shapes;
  }

  private static void dense(ObjectNode c, Dense d) {
    c.put("units", d.units());
    activationAndBias(c, d.activation(), d.useBias());
    c.set("kernel_initializer", InitializerConfigs.write(d.kernelInitializer()));
    c.set("bias_initializer", InitializerConfigs.write(d.biasInitializer()));
    c.putNull("kernel_regularizer").putNull("bias_regularizer");
    c.putNull("kernel_constraint").putNull("bias_constraint").putNull("quantization_config");
  }

  private static void conv2d(ObjectNode c, Conv2D conv) {
    c.put("filters", conv.filters());
    c.set("kernel_size", pair(conv.kernelSize()));
    c.set("strides", pair(conv.strides()));
    c.put("padding", conv.padding().kerasName()).put("data_format", "channels_last");
    c.set("dilation_rate", Json.pair(1, 1));
    c.put("groups", 1);
    activationAndBias(c, conv.activation(), conv.useBias());
    c.set("kernel_initializer", InitializerConfigs.write(conv.kernelInitializer()));
    c.set("bias_initializer", InitializerConfigs.write(conv.biasInitializer()));
    c.putNull("kernel_regularizer").putNull("bias_regularizer").putNull("activity_regularizer");
    c.putNull("kernel_constraint").putNull("bias_constraint");
  }

  private static void conv1d(ObjectNode c, Conv1D conv) {
    c.put("filters", conv.filters());
    c.putArray("kernel_size").add(conv.kernelSize());
    c.putArray("strides").add(conv.strides());
    c.put("padding", conv.padding().kerasName()).put("data_format", "channels_last");
    c.putArray("dilation_rate").add(1);
    c.put("groups", 1);
    activationAndBias(c, conv.activation(), conv.useBias());
    c.set("kernel_initializer", InitializerConfigs.write(conv.kernelInitializer()));
    c.set("bias_initializer", InitializerConfigs.write(conv.biasInitializer()));
    c.putNull("kernel_regularizer").putNull("bias_regularizer").putNull("activity_regularizer");
    c.putNull("kernel_constraint").putNull("bias_constraint");
  }

  private static void maxPooling2d(ObjectNode c, MaxPooling2D pool) {
    c.set("pool_size", pair(pool.poolSize()));
    c.put("padding", pool.padding().kerasName());
    c.set("strides", pair(pool.strides()));
    c.put("data_format", "channels_last");
  }

  private static void simpleRnn(ObjectNode c, SimpleRNN rnn) {
    c.put("return_sequences", rnn.returnSequences()).put("return_state", false)
        .put("go_backwards", false).put("stateful", false).put("unroll", false)
        .put("zero_output_for_mask", false).put("units", rnn.units());
    activationAndBias(c, rnn.activation(), rnn.useBias());
    c.set("kernel_initializer", InitializerConfigs.write(rnn.kernelInitializer()));
    c.set("recurrent_initializer", InitializerConfigs.write(rnn.recurrentInitializer()));
    c.set("bias_initializer", InitializerConfigs.write(rnn.biasInitializer()));
    c.putNull("kernel_regularizer").putNull("recurrent_regularizer").putNull("bias_regularizer")
        .putNull("activity_regularizer").putNull("kernel_constraint")
        .putNull("recurrent_constraint").putNull("bias_constraint");
    c.put("dropout", 0.0).put("recurrent_dropout", 0.0);
  }

  /** LSTM's config as Keras 3.15 writes it (keys in Keras's order). */
  private static void lstm(ObjectNode c, io.tfbridge.layers.LSTM lstm) {
    recurrentHead(c, lstm.returnSequences(), lstm.units());
    c.put("activation", lstm.activation().kerasName())
        .put("recurrent_activation", lstm.recurrentActivation().kerasName())
        .put("use_bias", lstm.useBias());
    recurrentInitializers(c, lstm.kernelInitializer(), lstm.recurrentInitializer(),
        lstm.biasInitializer());
    c.put("unit_forget_bias", lstm.unitForgetBias());
    recurrentTail(c);
  }

  /** GRU's config as Keras 3.15 writes it. */
  private static void gru(ObjectNode c, io.tfbridge.layers.GRU gru) {
    recurrentHead(c, gru.returnSequences(), gru.units());
    c.put("activation", gru.activation().kerasName())
        .put("recurrent_activation", gru.recurrentActivation().kerasName())
        .put("use_bias", gru.useBias());
    recurrentInitializers(c, gru.kernelInitializer(), gru.recurrentInitializer(), gru.biasInitializer());
    recurrentTail(c);
    c.put("reset_after", gru.resetAfter());
  }

  private static void recurrentHead(ObjectNode c, boolean returnSequences, int units) {
    c.put("return_sequences", returnSequences).put("return_state", false)
        .put("go_backwards", false).put("stateful", false).put("unroll", false)
        .put("zero_output_for_mask", false).put("units", units);
  }

  private static void recurrentInitializers(ObjectNode c, io.tfbridge.initializers.Initializer kernel,
      io.tfbridge.initializers.Initializer recurrent, io.tfbridge.initializers.Initializer bias) {
    c.set("kernel_initializer", InitializerConfigs.write(kernel));
    c.set("recurrent_initializer", InitializerConfigs.write(recurrent));
    c.set("bias_initializer", InitializerConfigs.write(bias));
  }

  private static void recurrentTail(ObjectNode c) {
    c.putNull("kernel_regularizer").putNull("recurrent_regularizer").putNull("bias_regularizer")
        .putNull("activity_regularizer").putNull("kernel_constraint")
        .putNull("recurrent_constraint").putNull("bias_constraint");
    c.put("dropout", 0.0).put("recurrent_dropout", 0.0).putNull("seed");
  }

  /** BatchNormalization's config as Keras 3.15 writes it. */
  private static void batchNormalization(ObjectNode c, io.tfbridge.layers.BatchNormalization bn) {
    c.put("axis", bn.axis()).put("momentum", bn.momentum()).put("epsilon", bn.epsilon())
        .put("center", bn.center()).put("scale", bn.scale());
    c.set("beta_initializer", InitializerConfigs.write(bn.betaInitializer()));
    c.set("gamma_initializer", InitializerConfigs.write(bn.gammaInitializer()));
    c.set("moving_mean_initializer", InitializerConfigs.write(bn.movingMeanInitializer()));
    c.set("moving_variance_initializer", InitializerConfigs.write(bn.movingVarianceInitializer()));
    c.putNull("beta_regularizer").putNull("gamma_regularizer").putNull("beta_constraint")
        .putNull("gamma_constraint");
    c.put("synchronized", false).put("renorm", false).putNull("renorm_clipping")
        .put("renorm_momentum", 0.99);
  }

  private static void activationAndBias(ObjectNode c, Activation activation, boolean useBias) {
    c.put("activation", activation.kerasName()).put("use_bias", useBias);
  }

  private static com.fasterxml.jackson.databind.node.ArrayNode pair(Window w) {
    return Json.pair(w.rows(), w.cols());
  }
}
