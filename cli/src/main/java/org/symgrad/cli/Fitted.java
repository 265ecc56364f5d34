package org.symgrad.cli;

import java.nio.file.Path;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.io.Checkpoints;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.ModelInfo;

/**
 * A model with fitted parameters, for {@code predict} and {@code eval}: the parameters come
 * from a {@code --save} checkpoint or a {@code fit --json} result, and must be this model's
 * (names and shapes), or the file is refused.
 */
record Fitted(ModelDefinition definition, CompiledModel model, double[] params) {

  static Fitted load(Path modelFile, Path init) {
    ModelDefinition definition = ModelFiles.model(modelFile);
    ModelInfo expected = ModelFiles.info(definition);
    double[] params = Checkpoints.loadStart(init, expected).params();
    return new Fitted(definition, EarlyCompile.compile(definition), params);
  }

  ModelInfo info() {
    return model.info();
  }

  /** Whether the model classifies: {@code cross_entropy} or {@code bce_logits}. */
  boolean classifies() {
    return definition.targetClasses() > 0 || definition.lossText().strip().equals("bce_logits");
  }
}
