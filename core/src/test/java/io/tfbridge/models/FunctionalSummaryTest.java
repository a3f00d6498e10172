package io.tfbridge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tfbridge.layers.Add;
import io.tfbridge.layers.Concatenate;
import io.tfbridge.layers.Dense;
import io.tfbridge.layers.Input;
import io.tfbridge.layers.KerasTensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A functional model's summary is the table Keras prints, input rows and "Connected to" included. */
class FunctionalSummaryTest {

  @Test
  void functionalSummaryIsKerasTable() throws IOException {
    KerasTensor a = Input.of(4).name("a").tensor();
    KerasTensor b = Input.of(3).name("b").tensor();
    KerasTensor merged = Concatenate.of().apply(a, b);
    KerasTensor y = Dense.of(5).activation("relu").apply(merged);
    KerasTensor z = Dense.of(5).apply(a);
    KerasTensor out = Dense.of(2).activation("softmax").apply(Add.of().apply(y, z));
    Functional spec = Functional.of(List.of(a, b), out);
    try (InputStream in = getClass().getResourceAsStream("/summaries/functional_add.txt")) {
      String keras = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(keras, spec.summary());
      try (Model model = spec.compile("sgd", "mse")) {
        assertEquals(keras, model.summary());
      }
    }
  }

  @Test
  void wrapsAtSpacesAndCutsLongWords() {
    assertEquals(List.of("concatenate", "(Concatenate)"), Summary.wrap("concatenate (Concatenate)", 19));
    assertEquals(List.of("abcde", "fgh"), Summary.wrap("abcdefgh", 5));
  }

  /** A shared layer lists every call's input, and its consumers name the call they read (Keras 3.15's text). */
  @Test
  void aSharedLayerListsEachCall() {
    KerasTensor a = Input.of(4).name("a").tensor();
    KerasTensor b = Input.of(4).name("b").tensor();
    Dense shared = Dense.of(3).activation("tanh").name("shared");
    KerasTensor out = Dense.of(2).apply(Concatenate.of().apply(shared.apply(a), shared.apply(b)));
    String summary = Functional.of(List.of(a, b), out).summary();
    String expected = String.join("\n",
        "│ shared (Dense)      │ (None, 3)         │         15 │ a[0][0], b[0][0]  │",
        "├─────────────────────┼───────────────────┼────────────┼───────────────────┤",
        "│ concatenate         │ (None, 6)         │          0 │ shared[0][0],     │",
        "│ (Concatenate)       │                   │            │ shared[1][0]      │");
    assertEquals(true, summary.contains(expected), summary);
  }
}
