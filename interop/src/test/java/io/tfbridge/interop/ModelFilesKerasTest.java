package io.tfbridge.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.tfbridge.data.HostArrays;
import io.tfbridge.inference.Predictor;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.interop.npy.NpyNdArrays;
import io.tfbridge.interop.savedmodel.SavedModelPredictor;
import io.tfbridge.layers.Dense;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Keras files open as the same Predictor as SavedModels, and convert to SavedModels and to the
 * other Keras format with the same predictions.
 */
class ModelFilesKerasTest {
  @TempDir Path tmp;
  private Path keras;
  private float[] expected;

  @BeforeEach
  void saveAJavaModel() {
    keras = tmp.resolve("iris.keras");
    try (Model model = Sequential.of(Dense.of(5).activation("relu").inputShape(4),
        Dense.of(3).activation("softmax")).seed(7)
        .compile("adam", "sparse_categorical_crossentropy", "accuracy")) {
      KerasFiles.save(model, keras);
      expected = floats(model.predict(features()));
    }
  }

  @Test
  void opensKerasAndH5Files() {
    Path h5 = tmp.resolve("iris.h5");
    ModelConverter.convert(keras, h5);
    for (Path file : new Path[] {keras, h5}) {
      try (Predictor model = ModelFiles.open(file)) {
        assertInstanceOf(Model.class, model);
        assertArrayEquals(expected, floats(model.predict(features())), 1e-6f, file.toString());
      }
    }
  }

  @Test
  void convertsAKerasFileToASavedModel() {
    Path dir = tmp.resolve("export/iris");
    ModelConverter.convert(keras, dir);
    try (Predictor model = ModelFiles.open(dir)) {
      SavedModelPredictor savedModel = assertInstanceOf(SavedModelPredictor.class, model);
      assertEquals("serving_default", savedModel.signatureKey());
      assertArrayEquals(expected, floats(model.predict(features())), 1e-6f);
    }
  }

  private static FloatNdArray features() {
    float[] data = new float[12];
    for (int i = 0; i < data.length; i++) {
      data[i] = (i % 5) / 2f - 1;
    }
    return HostArrays.of(data, 3, 4);
  }

  private static float[] floats(FloatNdArray array) {
    return (float[]) NpyNdArrays.toNpy(array).data();
  }
}
