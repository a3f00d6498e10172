package io.tfbridge.interop.keras;

import io.tfbridge.engine.LayerNode;
import io.tfbridge.engine.WeightSource;
import io.tfbridge.layers.Shapes;
import io.tfbridge.layers.WeightSpec;
import io.tfbridge.models.Model;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a read {@link ModelFile} into a compiled {@link Model}: checks every array against the shape
 * the config implies, compiles, sets the weights and restores the optimizer state.
 */
final class KerasModelLoader {
  private KerasModelLoader() {}

  /**
   * The compiled model with the file's weights.
   *
   * @param compile the compile settings to use instead of the file's, or null for the file's (then the
   *     file's optimizer state is restored too)
   */
  static Model load(ModelFile file, CompileConfigs.CompileSpec compile) {
    Map<String, WeightSource> weights = checkedWeights(file.nodes(), file.state().layers());
    CompileConfigs.CompileSpec settings = compile != null ? compile
        : file.compile().orElseGet(CompileConfigs::defaults);
    Model model = settings.compile(file.spec());
    try {
      model.graph().setWeightSources(weights);
      if (compile == null) {
        file.state().optimizer().ifPresent(saved -> OptimizerState.restore(model, saved));
      }
      model.graph().initialize(); // reads the file's arrays, one at a time, while it is open
      return model;
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /**
   * The file's arrays by weight path, after checking their number and shapes against the layers.
   *
   * @throws IllegalArgumentException naming the layer, the weight, the expected and the found shape
   */
  static Map<String, WeightSource> checkedWeights(List<LayerNode> nodes,
      List<List<WeightArray>> arrays) {
    Map<String, WeightSource> weights = new LinkedHashMap<>();
    checkedArrays(nodes, arrays).forEach((path, array) -> weights.put(path, array.source()));
    return weights;
  }

  /** {@link #checkedWeights} as the arrays themselves. */
  static Map<String, WeightArray> checkedArrays(List<LayerNode> nodes,
      List<List<WeightArray>> arrays) {
    Map<String, WeightArray> weights = new LinkedHashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      LayerNode node = nodes.get(i);
      List<WeightSpec> specs = node.weights();
      List<WeightArray> found = arrays.get(i);
      if (found.size() != specs.size()) {
        throw new IllegalArgumentException("layer '" + node.name() + "' (" + node.layer().className()
            + ") has " + specs.size() + " weights in the config " + specs.stream().map(WeightSpec::name)
            .toList() + " but the file holds " + found.size());
      }
      for (int j = 0; j < specs.size(); j++) {
        weights.put(node.weightPath(specs.get(j)), checked(node, specs.get(j), found.get(j)));
      }
    }
    return weights;
  }

  private static WeightArray checked(LayerNode node, WeightSpec spec, WeightArray array) {
    if (!array.hasShape(spec.shape())) {
      throw new IllegalArgumentException("layer '" + node.name() + "' (" + node.layer().className()
          + ") weight '" + spec.name() + "': the config implies shape " + Shapes.format(spec.shape())
          + " but the file holds " + array.shapeText() + " at " + array.where());
    }
    return array;
  }
}
