package io.tfbridge.layers;

import io.tfbridge.dtypepolicies.DTypePolicy;
import io.tfbridge.layers.preprocessing.CenterCrop;
import io.tfbridge.layers.preprocessing.RandomBrightness;
import io.tfbridge.layers.preprocessing.RandomContrast;
import io.tfbridge.layers.preprocessing.RandomCrop;
import io.tfbridge.layers.preprocessing.RandomFlip;
import io.tfbridge.layers.preprocessing.RandomRotation;
import io.tfbridge.layers.preprocessing.RandomTranslation;
import io.tfbridge.layers.preprocessing.RandomZoom;
import io.tfbridge.layers.preprocessing.Resizing;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import io.tfbridge.saving.KerasObject;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The layer classes tfbridge reads from Keras configs, by Keras class name: Keras's
 * {@code keras.layers.deserialize} and, for a user's own classes, {@code custom_objects}. Each layer
 * class reads its own options ({@code fromConfig}) and writes them ({@link Layer#getConfig()}), so a
 * Keras file format needs no per-layer code.
 *
 * <pre>{@code
 * KerasLayers.register("MyScale", MyScale::fromConfig);   // as Python's custom_objects
 * Layer<?> layer = KerasLayers.deserialize("Dense", config, "dense_1");
 * }</pre>
 */
public final class KerasLayers {
  /** Reads one layer class's options into its spec. */
  @FunctionalInterface
  public interface Reader {
    /** The layer the options describe; unknown or unsupported options throw with the reader's error. */
    Layer<?> fromConfig(ConfigReader config);
  }

  private static final Map<String, Reader> READERS = new ConcurrentHashMap<>();

  static {
    READERS.put("Dense", Dense::fromConfig);
    READERS.put("Conv1D", Conv1D::fromConfig);
    READERS.put("Conv2D", Conv2D::fromConfig);
    READERS.put("DepthwiseConv1D", DepthwiseConv1D::fromConfig);
    READERS.put("DepthwiseConv2D", DepthwiseConv2D::fromConfig);
    READERS.put("SeparableConv1D", SeparableConv1D::fromConfig);
    READERS.put("SeparableConv2D", SeparableConv2D::fromConfig);
    READERS.put("Conv1DTranspose", Conv1DTranspose::fromConfig);
    READERS.put("Conv2DTranspose", Conv2DTranspose::fromConfig);
    READERS.put("MaxPooling2D", MaxPooling2D::fromConfig);
    READERS.put("AveragePooling2D", AveragePooling2D::fromConfig);
    READERS.put("GlobalAveragePooling1D", GlobalAveragePooling1D::fromConfig);
    READERS.put("GlobalAveragePooling2D", GlobalAveragePooling2D::fromConfig);
    READERS.put("GlobalMaxPooling2D", GlobalMaxPooling2D::fromConfig);
    READERS.put("Flatten", Flatten::fromConfig);
    READERS.put("Reshape", Reshape::fromConfig);
    READERS.put("Dropout", Dropout::fromConfig);
    READERS.put("Activation", Activation::fromConfig);
    READERS.put("Embedding", Embedding::fromConfig);
    READERS.put("SimpleRNN", SimpleRNN::fromConfig);
    READERS.put("LSTM", LSTM::fromConfig);
    READERS.put("GRU", GRU::fromConfig);
    READERS.put("BatchNormalization", BatchNormalization::fromConfig);
    READERS.put("Concatenate", Concatenate::fromConfig);
    READERS.put("Add", Add::fromConfig);
    READERS.put("ZeroPadding1D", ZeroPadding1D::fromConfig);
    READERS.put("ZeroPadding2D", ZeroPadding2D::fromConfig);
    READERS.put("ZeroPadding3D", ZeroPadding3D::fromConfig);
    READERS.put("Cropping1D", Cropping1D::fromConfig);
    READERS.put("Cropping2D", Cropping2D::fromConfig);
    READERS.put("Cropping3D", Cropping3D::fromConfig);
    READERS.put("UpSampling1D", UpSampling1D::fromConfig);
    READERS.put("UpSampling2D", UpSampling2D::fromConfig);
    READERS.put("UpSampling3D", UpSampling3D::fromConfig);
    READERS.put("MaxPooling1D", MaxPooling1D::fromConfig);
    READERS.put("AveragePooling1D", AveragePooling1D::fromConfig);
    READERS.put("MaxPooling3D", MaxPooling3D::fromConfig);
    READERS.put("AveragePooling3D", AveragePooling3D::fromConfig);
    READERS.put("GlobalMaxPooling1D", GlobalMaxPooling1D::fromConfig);
    READERS.put("GlobalAveragePooling3D", GlobalAveragePooling3D::fromConfig);
    READERS.put("GlobalMaxPooling3D", GlobalMaxPooling3D::fromConfig);
    READERS.put("RepeatVector", RepeatVector::fromConfig);
    READERS.put("Permute", Permute::fromConfig);
    READERS.put("Identity", Identity::fromConfig);
    READERS.put("SpatialDropout1D", SpatialDropout1D::fromConfig);
    READERS.put("SpatialDropout2D", SpatialDropout2D::fromConfig);
    READERS.put("SpatialDropout3D", SpatialDropout3D::fromConfig);
    READERS.put("GaussianNoise", GaussianNoise::fromConfig);
    READERS.put("GaussianDropout", GaussianDropout::fromConfig);
    READERS.put("Multiply", Multiply::fromConfig);
    READERS.put("Subtract", Subtract::fromConfig);
    READERS.put("Average", Average::fromConfig);
    READERS.put("Maximum", Maximum::fromConfig);
    READERS.put("Minimum", Minimum::fromConfig);
    READERS.put("Dot", Dot::fromConfig);
    READERS.put("ReLU", ReLU::fromConfig);
    READERS.put("LeakyReLU", LeakyReLU::fromConfig);
    READERS.put("PReLU", PReLU::fromConfig);
    READERS.put("ELU", ELU::fromConfig);
    READERS.put("Softmax", Softmax::fromConfig);
    READERS.put("Rescaling", Rescaling::fromConfig);
    READERS.put("Normalization", Normalization::fromConfig);
    READERS.put("LayerNormalization", LayerNormalization::fromConfig);
    READERS.put("GroupNormalization", GroupNormalization::fromConfig);
    READERS.put("UnitNormalization", UnitNormalization::fromConfig);
    READERS.put("Masking", Masking::fromConfig);
    READERS.put("Bidirectional", Bidirectional::fromConfig);
    READERS.put("TimeDistributed", TimeDistributed::fromConfig);
    READERS.put("MultiHeadAttention", MultiHeadAttention::fromConfig);
    READERS.put("Attention", Attention::fromConfig);
    READERS.put("AdditiveAttention", AdditiveAttention::fromConfig);
    READERS.put("LayerScale", LayerScale::fromConfig);
    READERS.put("CustomScaleLayer", CustomScaleLayer::fromConfig);
    READERS.put("Resizing", Resizing::fromConfig);
    READERS.put("CenterCrop", CenterCrop::fromConfig);
    READERS.put("RandomFlip", RandomFlip::fromConfig);
    READERS.put("RandomRotation", RandomRotation::fromConfig);
    READERS.put("RandomTranslation", RandomTranslation::fromConfig);
    READERS.put("RandomZoom", RandomZoom::fromConfig);
    READERS.put("RandomContrast", RandomContrast::fromConfig);
    READERS.put("RandomBrightness", RandomBrightness::fromConfig);
    READERS.put("RandomCrop", RandomCrop::fromConfig);
  }

  private KerasLayers() {}

  /**
   * Registers a layer class under its Keras class name (or the {@code registered_name} a custom
   * Python class was saved with, e.g. {@code "my_package>MyScale"}), replacing any earlier reader.
   */
  public static void register(String className, Reader reader) {
    READERS.put(className, reader);
  }

  /** The registered class names, sorted. */
  public static List<String> known() {
    return List.copyOf(new TreeSet<>(READERS.keySet()));
  }

  /**
   * The layer a Keras layer entry describes, named {@code name}: the common options (name, trainable,
   * the dtype policy) are read here, the rest by the class's reader, and any option left unread that
   * is not null is refused.
   *
   * @param className the entry's class name, or its registered name for a custom class
   * @throws IllegalArgumentException for an unknown class or an unsupported option, naming the layer
   */
  public static Layer<?> deserialize(String className, Config config, String name) {
    ConfigReader c = new ConfigReader(config, "layer '" + name + "' (" + className + ")");
    Reader reader = READERS.get(className);
    if (reader == null) {
      throw c.error("layer class " + className + " is not supported by tfbridge; supported layers: "
          + String.join(", ", known()) + "; register a class of your own with KerasLayers.register");
    }
    c.ignore("name", "batch_input_shape", "batch_shape");
    DTypePolicy policy = dtypePolicy(c);
    boolean trainable = c.getBool("trainable", true);
    Layer<?> layer;
    try {
      layer = reader.fromConfig(c);
    } catch (IllegalArgumentException e) {
      throw e.getMessage() != null && e.getMessage().startsWith(c.owner()) ? e : c.error(e.getMessage());
    }
    c.finish();
    layer = name == null ? layer : layer.name(name);
    layer = policy == layer.dtypePolicy() ? layer : layer.dtype(policy);
    return trainable ? layer : layer.trainable(false);
  }

  /** The layer's dtype policy: the config's, else the global one (as Keras reads a config). */
  private static DTypePolicy dtypePolicy(ConfigReader c) {
    try {
      return DTypePolicy.fromConfig(c.get("dtype"), DTypePolicy.globalPolicy());
    } catch (IllegalArgumentException e) {
      throw c.error(e.getMessage());
    }
  }

  /** Keras's float32 dtype policy, as layers write it. */
  public static KerasObject float32Policy() {
    return KerasObject.of("keras", "DTypePolicy", Config.builder().put("name", "float32").build());
  }
}
