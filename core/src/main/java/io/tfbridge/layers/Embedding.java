package io.tfbridge.layers;

import io.tfbridge.initializers.Initializer;
import io.tfbridge.initializers.Initializers;
import io.tfbridge.initializers.RandomUniform;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.ConfigReader;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Keras's {@code Embedding}: integer ids {@code (batch, ...)} to rows of an {@code (input_dim,
 * output_dim)} table, {@code (batch, ..., output_dim)}. The ids arrive as float32 (the model's input
 * type) and are cast to int32, as Keras casts them; an id outside {@code [0, input_dim)} fails the
 * prediction. With {@code mask_zero} the output carries the mask {@code ids != 0} (Keras's padding
 * mask), which recurrent layers, masked pooling and attention read.
 *
 * <pre>{@code
 * Embedding embedding = Embedding.of(1000, 16).maskZero(true).inputShape(20);
 * }</pre>
 */
public final class Embedding extends Layer<Embedding> {
  private final int inputDim;
  private final int outputDim;
  private Initializer embeddingsInitializer = RandomUniform.of();
  private boolean maskZero;

  private Embedding(int inputDim, int outputDim) {
    if (inputDim <= 0 || outputDim <= 0) {
      throw new IllegalArgumentException("Both `input_dim` and `output_dim` should be positive, "
          + "Received input_dim=" + inputDim + " and output_dim=" + outputDim);
    }
    this.inputDim = inputDim;
    this.outputDim = outputDim;
  }

  /** A table of {@code inputDim} ids (vocabulary size) to vectors of {@code outputDim} values. */
  public static Embedding of(int inputDim, int outputDim) {
    return new Embedding(inputDim, outputDim);
  }

  /** A copy with this initializer (default Keras's {@code "uniform"}: RandomUniform(-0.05, 0.05)). */
  public Embedding embeddingsInitializer(Initializer initializer) {
    Embedding copy = copy();
    copy.embeddingsInitializer = initializer;
    return copy;
  }

  /**
   * A copy that masks id 0 (Keras's {@code mask_zero}, default false): the output carries the mask
   * {@code ids != 0}, which the layers after it (recurrent layers, GlobalAveragePooling1D,
   * MultiHeadAttention) read as padding. Id 0 is then reserved for padding.
   */
  public Embedding maskZero(boolean maskZero) {
    Embedding copy = copy();
    copy.maskZero = maskZero;
    return copy;
  }

  /** Whether id 0 is padding, masked in the output. */
  public boolean maskZero() {
    return maskZero;
  }

  /** The vocabulary size. */
  public int inputDim() {
    return inputDim;
  }

  /** The vector length. */
  public int outputDim() {
    return outputDim;
  }

  /** The embeddings initializer. */
  public Initializer embeddingsInitializer() {
    return embeddingsInitializer;
  }

  @Override
  public String className() {
    return "Embedding";
  }

  @Override
  public String namePrefix() {
    return "embedding";
  }

  @Override
  public Shape outputShape(String layerName, Shape input) {
    Shapes.requireRank(layerName, input, 2, Integer.MAX_VALUE);
    return input.append(outputDim);
  }

  @Override
  public List<WeightSpec> weights(Shape input) {
    return List.of(WeightSpec.trainable(
        "embeddings", Shape.of(inputDim, outputDim), embeddingsInitializer));
  }

  @Override
  public LayerOutput call(LayerContext context, Operand<TFloat32> input) {
    var tf = context.tf();
    return LayerOutput.of(tf.gather(context.weight("embeddings"), ids(context), tf.constant(0)));
  }

  /** Keras's {@code supports_masking}: true with mask_zero. */
  @Override
  public boolean supportsMasking() {
    return maskZero;
  }

  /** With mask_zero, {@code ids != 0}; else none. */
  @Override
  public Operand<TBool> computeMask(LayerContext context, List<Operand<TFloat32>> inputs,
      List<Operand<TBool>> masks) {
    return maskZero ? context.tf().math.notEqual(ids(context), context.tf().constant(0)) : null;
  }

  @SuppressWarnings("unchecked")
  private static Operand<TInt32> ids(LayerContext context) {
    Operand<?> raw = context.rawInput(0);
    return raw.type() == TInt32.class ? (Operand<TInt32>) raw
        : context.tf().dtypes.cast(raw, TInt32.class);
  }

  @Override
  public Config getConfig() {
    return Config.builder().put("input_dim", inputDim).put("output_dim", outputDim)
        .put("embeddings_initializer", Initializers.serialize(embeddingsInitializer))
        .putNull("embeddings_regularizer", "activity_regularizer", "embeddings_constraint")
        .put("mask_zero", maskZero).putNull("quantization_config").build();
  }

  /** Reads Keras's Embedding config (Keras 2's input_length is dropped: shapes come from the input). */
  public static Embedding fromConfig(ConfigReader c) {
    c.ignore("input_length");
    c.requireDefault("sparse", false);
    return of(c.getInt("input_dim"), c.getInt("output_dim"))
        .maskZero(c.getBool("mask_zero", false))
        .embeddingsInitializer(c.initializer("embeddings_initializer", RandomUniform.of()));
  }
}
