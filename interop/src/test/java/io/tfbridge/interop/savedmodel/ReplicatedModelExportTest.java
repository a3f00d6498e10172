package io.tfbridge.interop.savedmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.tfbridge.data.HostArrays;
import io.tfbridge.distribute.MirroredStrategy;
import io.tfbridge.distribute.Strategy;
import io.tfbridge.interop.keras.KerasFiles;
import io.tfbridge.layers.Dense;
import io.tfbridge.models.FitOptions;
import io.tfbridge.models.Model;
import io.tfbridge.models.Sequential;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * A model trained on two logical CPUs exports a SavedModel and a Keras file that load on a machine
 * with one device: the export names no replica devices.
 */
class ReplicatedModelExportTest {
  private static final float[][] X = {{1, 2, 3}, {-1, 0.5f, 2}, {0.3f, -0.7f, 0.1f}, {2, 1, -1}};

  @Test
  void aMirroredModelExportsASavedModelThatLoadsOnOneDevice(@TempDir Path tmp) {
    float[][] expected;
    try (Strategy.Scope scope = MirroredStrategy.ofCpus(2).scope();
        Model model = Sequential.of(Dense.of(4).activation("relu").inputShape(3), Dense.of(2))
            .seed(1).compile("adam", "mse")) {
      model.fit(X, new float[][] {{1, 0}, {0, 1}, {1, 1}, {0, 0}}, FitOptions.epochs(3).batchSize(2).verbose(0));
      expected = model.predict(X);
      SavedModelExport.export(model, tmp.resolve("sm"));
      KerasFiles.save(model, tmp.resolve("m.keras"));
    }
    try (SavedModelPredictor loaded = SavedModels.load(tmp.resolve("sm"))) {
      FloatNdArray out = (FloatNdArray) loaded.predict(Map.of(loaded.inputs().get(0).name(),
          HostArrays.of(X))).values().iterator().next();
      float[][] rows = HostArrays.toRows(out);
      for (int i = 0; i < X.length; i++) {
        assertArrayEquals(expected[i], rows[i], 1e-6f);
      }
    }
    try (Model reloaded = KerasFiles.load(tmp.resolve("m.keras"))) {
      float[][] rows = reloaded.predict(X);
      for (int i = 0; i < X.length; i++) {
        assertArrayEquals(expected[i], rows[i], 1e-6f);
      }
    }
  }
}
