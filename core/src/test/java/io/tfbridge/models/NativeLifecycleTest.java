package io.tfbridge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tfbridge.data.HostArrays;
import io.tfbridge.layers.Dense;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Native objects do not pile up: compiling and closing models, and predicting, training and reading
 * weights again and again, leave the number of live native objects where it was.
 *
 * <p>The measure is JavaCPP's {@link Pointer#totalCount()}: every native object TF Java owns with a
 * deallocator (tensors, graphs, sessions) counts from its allocation until it is closed, or until the
 * garbage collector reclaims it if it never is. Nothing here calls the collector, so a tensor that is
 * dropped without being closed stays counted (the control below shows it: 100 unclosed tensors count
 * 100); a collection during a loop can only lower the count, so the checks cannot fail spuriously.
 */
class NativeLifecycleTest {
  /** Room for objects a first call creates once and keeps; a leak per call would be hundreds. */
  static final long SLACK = 5;

  static final Sequential IRIS = Sequential.of(
      Dense.of(10).activation("relu").inputShape(4),
      Dense.of(3).activation("softmax")).seed(42);

  @Test
  void compileCloseCyclesLeaveNoNativeObjects() {
    warmUp();
    long before = Pointer.totalCount();
    float[][] x = new float[3][4];
    for (int i = 0; i < 200; i++) {
      try (Model model = IRIS.compile("adam", "sparse_categorical_crossentropy", "accuracy")) {
        model.predict(x);
      }
    }
    long after = Pointer.totalCount();
    assertTrue(after <= before + SLACK,
        "200 compile/close cycles: live native objects went from " + before + " to " + after);
  }

  @Test
  void repeatedCallsOnOneModelLeaveNoNativeObjects() {
    warmUp();
    try (Model model = IRIS.compile("adam", "sparse_categorical_crossentropy", "accuracy")) {
      float[][] x = new float[20][4];
      int[] y = new int[20];
      for (int i = 0; i < 20; i++) {
        y[i] = i % 3;
        x[i][i % 4] = 1;
      }
      model.predict(x);
      long before = Pointer.totalCount();
      for (int i = 0; i < 2000; i++) {
        model.predict(x);
      }
      long afterPredict = Pointer.totalCount();
      assertTrue(afterPredict <= before + SLACK,
          "2,000 predict calls: live native objects went from " + before + " to " + afterPredict);
      for (int i = 0; i < 100; i++) {
        model.fit(x, y, FitOptions.epochs(1).batchSize(8).verbose(0).validationSplit(0.2));
        model.evaluate(x, y);
        model.setWeights(model.getWeights());
      }
      long afterTraining = Pointer.totalCount();
      assertTrue(afterTraining <= before + SLACK,
          "100 fit/evaluate/get+set weights rounds: live native objects went from " + before + " to "
              + afterTraining);
    }
  }

  @Test
  void rejectedCallsLeaveNoNativeObjects() {
    warmUp();
    try (Model model = IRIS.compile("adam", "sparse_categorical_crossentropy")) {
      long before = Pointer.totalCount();
      for (int i = 0; i < 200; i++) {
        try {
          model.fit(new float[5][4], new int[] {0, 1, 2, 3, 0}, FitOptions.epochs(1).verbose(0));
        } catch (IllegalArgumentException expected) {
          // label 3 is out of range
        }
        try {
          model.predict(HostArrays.of(new float[10], 2, 5));
        } catch (IllegalArgumentException expected) {
          // 5 features for 4
        }
      }
      assertTrue(Pointer.totalCount() <= before + SLACK);
    }
  }

  /** The measure sees what it should: open tensors count one each until closed. */
  @Test
  void theCountSeesUnclosedTensors() {
    warmUp();
    try (Model model = IRIS.compile("adam", "sparse_categorical_crossentropy");
        TFloat32 x = TFloat32.tensorOf(Shape.of(2, 4))) {
      List<TFloat32> open = new ArrayList<>();
      long during;
      try {
        for (int i = 0; i < 100; i++) {
          open.add(model.graph().predictStep(x));
        }
        during = Pointer.totalCount();
      } finally {
        open.forEach(TFloat32::close);
      }
      long after = Pointer.totalCount();
      assertTrue(during - after >= 100, "100 open tensors: " + during + " then " + after);
      assertEquals(2, model.predict(new float[2][4]).length);
    }
  }

  /** Creates whatever TF Java makes once per process (op registry, default device...). */
  private static void warmUp() {
    try (Model model = IRIS.compile("adam", "sparse_categorical_crossentropy", "accuracy")) {
      model.predict(new float[1][4]);
      model.fit(new float[2][4], new int[] {0, 1}, FitOptions.epochs(1).verbose(0));
      model.evaluate(new float[2][4], new int[] {0, 1});
    }
  }
}
