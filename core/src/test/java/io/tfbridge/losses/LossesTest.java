package io.tfbridge.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.models.Sequential;
import io.tfbridge.optimizers.SGD;
import io.tfbridge.saving.Config;
import io.tfbridge.saving.KerasObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keras's loss names, aliases, class names and configs, and the errors for bad arguments. */
class LossesTest {

  @Test
  void namesAliasesAndClassNamesGiveKerasLosses() {
    Map<String, Class<?>> expected = Map.ofEntries(
        Map.entry("mean_absolute_error", MeanAbsoluteError.class),
        Map.entry("mae", MeanAbsoluteError.class), Map.entry("MAE", MeanAbsoluteError.class),
        Map.entry("mape", MeanAbsolutePercentageError.class),
        Map.entry("msle", MeanSquaredLogarithmicError.class),
        Map.entry("kld", KLDivergence.class), Map.entry("kl_divergence", KLDivergence.class),
        Map.entry("poisson", Poisson.class), Map.entry("huber", Huber.class),
        Map.entry("log_cosh", LogCosh.class), Map.entry("hinge", Hinge.class),
        Map.entry("squared_hinge", SquaredHinge.class),
        Map.entry("categorical_hinge", CategoricalHinge.class),
        Map.entry("cosine_similarity", CosineSimilarity.class),
        Map.entry("Huber", Huber.class), Map.entry("KLDivergence", KLDivergence.class),
        Map.entry("MeanSquaredError", MeanSquaredError.class));
    expected.forEach((name, type) -> assertInstanceOf(type, Losses.get(name), name));
  }

  @Test
  void configsAreKerasAndRoundTrip() {
    assertEquals(Map.of("name", "huber_loss", "reduction", "sum_over_batch_size", "delta", 2.0),
        Huber.of().delta(2.0).getConfig().asMap());
    assertEquals(Map.of("name", "mean_absolute_error", "reduction", "sum_over_batch_size"),
        MeanAbsoluteError.of().getConfig().asMap());
    assertEquals("huber", Losses.serialize(Huber.of()));
    Object huber = Losses.serialize(Huber.of().delta(2.0));
    KerasObject o = assertInstanceOf(KerasObject.class, huber);
    assertEquals("keras.losses", o.module());
    assertEquals("Huber", o.className());
    assertEquals(Huber.of().delta(2.0), Losses.deserialize(huber));
    assertNotEquals(Huber.of(), Losses.deserialize(huber));
    assertEquals(CosineSimilarity.of().axis(1),
        Losses.deserialize(Losses.serialize(CosineSimilarity.of().axis(1))));
    // Keras 3.15 writes only name and reduction: the default delta
    assertEquals(Huber.of(), Losses.deserialize(KerasObject.of("keras.losses", "Huber",
        Config.builder().put("name", "huber_loss").put("reduction", "sum_over_batch_size").build())));
    assertInstanceOf(Poisson.class,
        Losses.deserialize(new KerasObject(null, "function", "poisson", null)));
  }

  /** A loss of one's own: its class name by default, saved by its name as before. */
  static final class MyLoss implements Loss {
    @Override
    public String kerasName() {
      return "my_loss";
    }

    @Override
    public org.tensorflow.ndarray.Shape labelShape(org.tensorflow.ndarray.Shape outputShape) {
      return outputShape;
    }

    @Override
    public org.tensorflow.Operand<org.tensorflow.types.TFloat32> call(org.tensorflow.op.Ops tf,
        org.tensorflow.Operand<org.tensorflow.types.TFloat32> yTrue, io.tfbridge.layers.LayerOutput yPred) {
      return tf.math.mean(tf.math.abs(tf.math.sub(yTrue, yPred.value())), tf.constant(-1));
    }
  }

  @Test
  void aLossOfOnesOwnSerializesByName() {
    assertEquals("MyLoss", new MyLoss().className());
    assertEquals("my_loss", Losses.serialize(new MyLoss()));
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    String message = assertThrows(IllegalArgumentException.class, () -> Losses.get("dice"))
        .getMessage();
    assertTrue(message.startsWith("Unknown loss: 'dice'. Known losses: "
        + "sparse_categorical_crossentropy, categorical_crossentropy, binary_crossentropy, "
        + "mean_squared_error, mse, mean_absolute_error, mae, "), message);
    assertTrue(message.contains("huber, log_cosh, hinge, squared_hinge, categorical_hinge, "
        + "cosine_similarity"), message);
    assertTrue(message.contains("(or a class name: "), message);
  }

  @Test
  void unsupportedOptionsAreRefused() {
    assertEquals("loss Huber: option reduction=sum (tfbridge reduces with sum_over_batch_size) "
        + "is not supported by tfbridge", assertThrows(IllegalArgumentException.class,
            () -> Losses.deserialize(KerasObject.of("keras.losses", "Huber",
                Config.builder().put("reduction", "sum").build()))).getMessage());
    assertEquals("loss BinaryCrossentropy: option from_logits=true is not supported by tfbridge",
        assertThrows(IllegalArgumentException.class, () -> Losses.deserialize(KerasObject.of(
            "keras.losses", "BinaryCrossentropy", Config.builder().put("from_logits", true)
                .build()))).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Losses.deserialize(
        KerasObject.of("keras.losses", "Dice", Config.empty()))).getMessage()
        .startsWith("loss Dice is not supported by tfbridge; supported losses: "));
  }

  @Test
  void badArgumentsAreRefusedAtOnce() {
    assertEquals("Huber: `delta` must be a finite number. Received: delta=NaN",
        assertThrows(IllegalArgumentException.class, () -> Huber.of().delta(Double.NaN))
            .getMessage());
    Sequential spec = Sequential.of(Input.of(3), Dense.of(2));
    assertEquals("CosineSimilarity: `axis` must be a non-batch axis of the output, in [1, 1] or "
        + "[-1, -1] for an output of shape (None, 2). Received: axis=0",
        assertThrows(IllegalArgumentException.class,
            () -> spec.compile(SGD.of(), CosineSimilarity.of().axis(0))).getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> spec.compile(SGD.of(), CosineSimilarity.of().axis(2)));
  }
}
