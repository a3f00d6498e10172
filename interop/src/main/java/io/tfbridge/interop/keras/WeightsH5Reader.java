package io.tfbridge.interop.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.tfbridge.engine.LayerNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code .keras} file's {@code model.weights.h5}: {@code layers/<class stem>/vars/0..n} per
 * layer (see {@link KerasPaths}) and {@code optimizer/vars/0..n} (iteration, learning rate, slots).
 */
final class WeightsH5Reader {
  private WeightsH5Reader() {}

  /**
   * The arrays of every placed layer (read when asked for, so {@code hdf} stays open until then) and
   * the optimizer state, if saved.
   *
   * @throws IllegalArgumentException if the HDF5 is unreadable or a layer with weights has none
   */
  static SavedState read(HdfFile hdf, List<LayerNode> nodes) {
    return H5.reading(KerasArchive.WEIGHTS, () -> new SavedState(layers(hdf, nodes), optimizer(hdf)));
  }

  private static List<List<WeightArray>> layers(HdfFile hdf, List<LayerNode> nodes) {
    List<List<KerasPaths.VarsGroup>> groups = KerasPaths.varsGroups(nodes);
    List<List<WeightArray>> layers = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      LayerNode node = nodes.get(i);
      List<WeightArray> arrays = new ArrayList<>();
      for (KerasPaths.VarsGroup group : groups.get(i)) {
        Node vars = H5.find(hdf, group.path()).orElseThrow(() -> missing(node, group));
        if (!(vars instanceof Group g)) {
          throw missing(node, group);
        }
        arrays.addAll(arrays(hdf, g, group.path()));
      }
      layers.add(arrays);
    }
    return layers;
  }

  private static IllegalArgumentException missing(LayerNode node, KerasPaths.VarsGroup group) {
    return new IllegalArgumentException(KerasArchive.WEIGHTS + " holds no variables for layer '"
        + node.name() + "' (" + node.layer().className() + "): expected them at " + group.path());
  }

  private static List<WeightArray> arrays(HdfFile hdf, Group vars, String path) {
    java.nio.file.Path file = hdf.getFile().toPath();
    long base = hdf.getUserBlockSize();
    List<WeightArray> arrays = new ArrayList<>();
    for (Dataset d : H5.numbered(vars)) {
      arrays.add(H5.lazyFloats(d, path + "/" + d.getName(), file, base));
    }
    return arrays;
  }

  private static Optional<SavedState.OptimizerVariables> optimizer(HdfFile hdf) {
    Optional<Node> vars = H5.find(hdf, "optimizer/vars");
    if (vars.isEmpty() || !(vars.get() instanceof Group group)) {
      return Optional.empty();
    }
    List<Dataset> datasets = H5.numbered(group);
    if (datasets.isEmpty()) {
      return Optional.empty();
    }
    long iterations = H5.scalarLong(datasets.get(0));
    List<WeightArray> variables = new ArrayList<>();
    for (Dataset d : datasets.subList(1, datasets.size())) {
      variables.add(H5.floats(d, "optimizer/vars/" + d.getName()));
    }
    return Optional.of(new SavedState.OptimizerVariables(iterations, variables));
  }
}
