package io.tfbridge.interop.keras;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfbridge.activations.Activation;
import io.tfbridge.engine.LayerNode;
import io.tfbridge.layers.Conv2D;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Dropout;
import io.tfbridge.layers.Flatten;
import io.tfbridge.layers.Layer;
import io.tfbridge.layers.MaxPooling2D;
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
    } else {
      throw new IllegalArgumentException("layer '" + node.name() + "' (" + layer.className()
          + ") has no Keras config in tfbridge; supported: " + LayerConfigs.SUPPORTED);
    }
    ObjectNode entry = Json.serialized("keras.layers", layer.className(), c);
    if (built) {
      entry.set("build_config", Json.object().set("input_shape", Json.batchShape(node.inputShape())));
    }
    return entry;
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

  private static void activationAndBias(ObjectNode c, Activation activation, boolean useBias) {
    c.put("activation", activation.kerasName()).put("use_bias", useBias);
  }

  private static com.fasterxml.jackson.databind.node.ArrayNode pair(Window w) {
    return Json.pair(w.rows(), w.cols());
  }
}
