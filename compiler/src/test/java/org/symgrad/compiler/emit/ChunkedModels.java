package org.symgrad.compiler.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.symgrad.compiler.RandomVectorModels;
import org.symgrad.compiler.VectorModels;
import org.symgrad.compiler.model.ModelDefinition;

/** The models the chunk-kernel tests run: drawn at random, and one of each kernel shape. */
final class ChunkedModels {
  private ChunkedModels() {}

  /** Two lane-wise models, a random vector model, the thermometer and one fixed model. */
  static List<ModelDefinition> drawn(long seed) {
    Random random = new Random(seed);
    List<ModelDefinition> models = new ArrayList<>(LaneWiseModels.draw(seed, 2));
    models.add(RandomVectorModels.model(seed));
    models.add(LaneWiseModels.thermometer());
    List<ModelDefinition> fixed = List.of(VectorModels.linear(40), VectorModels.mlp13(),
        VectorModels.softmax3(), VectorModels.logistic(), VectorModels.mlp(7, 3));
    models.add(fixed.get(random.nextInt(fixed.size())));
    return models;
  }

  /**
   * Models whose chunk kernels keep their lanes in locals, in scratch, and as a vector loop;
   * each test checks that it met all three.
   */
  static List<ModelDefinition> everyShape(long seed) {
    List<ModelDefinition> models = new ArrayList<>(List.of(LaneWiseModels.thermometer(),
        VectorModels.linear(40), VectorModels.mlp13(), VectorModels.softmax3()));
    models.addAll(LaneWiseModels.draw(seed, 2));
    return models;
  }
}
