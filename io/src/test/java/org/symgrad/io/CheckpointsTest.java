package org.symgrad.io;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;
import org.symgrad.runtime.optim.OptimizerState;
import org.symgrad.runtime.train.TrainingCheckpoint;

/** A checkpoint saved and loaded is the same checkpoint; one of another model is refused. */
class CheckpointsTest {
  private static final ModelInfo MODEL = new ModelInfo("m", "sum(j, w[j] * x[j]) + b", "mse",
      List.of(new ParameterInfo("w", List.of(2), 0, new Initializer.Constant(0)),
          new ParameterInfo("b", List.of(), 2, new Initializer.Constant(0))),
      List.of("x0", "x1"), "y", 1);

  @TempDir
  Path folder;

  @Test
  void savedAndLoadedIsTheSameCheckpoint() {
    TrainingCheckpoint saved = new TrainingCheckpoint(7, 12, 10, 2,
        new double[] {0.5, -1e-300, Double.NaN},
        new OptimizerState("Adam", Map.of("exp_avg", new double[] {1, 2, 3}),
            Map.of("step", 12.0)),
        1e-3, Map.of("last_epoch", 12.0), 0.25, 11, 0.3, new double[] {0.4, 0.0, 1.5});
    Path file = folder.resolve("fit.json");
    Checkpoints.save(file, MODEL, saved);

    Checkpoints.Loaded loaded = Checkpoints.load(file, MODEL);
    TrainingCheckpoint back = loaded.checkpoint();
    assertThat(back).isNotNull();
    assertThat(loaded.params()).usingExactEquality()
        .containsExactly(0.5, -1e-300, Double.NaN).inOrder();
    assertThat(back.seed()).isEqualTo(7);
    assertThat(back.epoch()).isEqualTo(12);
    assertThat(back.validationRows()).isEqualTo(2);
    assertThat(back.optimizerState().array("exp_avg")).usingExactEquality()
        .containsExactly(1.0, 2.0, 3.0).inOrder();
    assertThat(back.optimizerState().scalar("step")).isEqualTo(12.0);
    assertThat(back.learningRate()).isEqualTo(1e-3);
    assertThat(back.schedulerState()).containsExactly("last_epoch", 12.0);
    assertThat(back.bestEpoch()).isEqualTo(11);
    assertThat(back.bestParams()).usingExactEquality().containsExactly(0.4, 0.0, 1.5)
        .inOrder();
    // The file names its parameters, so the loaded checkpoint knows its model's.
    assertThat(back.parameterNames()).isEqualTo(MODEL.parameterNames());
  }

  @Test
  void aFitJsonResultGivesItsParameters() throws Exception {
    Path file = folder.resolve("result.json");
    Files.writeString(file, "{\"params\": {\"w\": [1, 2], \"b\": -3}, \"train_loss\": 0.1}");
    Checkpoints.Loaded loaded = Checkpoints.load(file, MODEL);
    assertThat(loaded.checkpoint()).isNull();
    assertThat(loaded.params()).usingExactEquality().containsExactly(1.0, 2.0, -3.0).inOrder();
  }

  @Test
  void aLibraryCallersMessageStartsWithThePathNotAFlag() throws Exception {
    TrainingCheckpoint saved = new TrainingCheckpoint(0, 1, 4, 0, new double[] {1, 2, 3},
        new OptimizerState("SGD", Map.of(), Map.of()), 0.01, Map.of(), 1.0, 0, Double.NaN,
        new double[0]);
    Path directory = Files.createDirectory(folder.resolve("fits"));
    BadFileException e = assertThrows(BadFileException.class,
        () -> Checkpoints.save(directory, MODEL, saved));
    assertThat(e).hasMessageThat().startsWith(directory + ": error: is a directory");

    BadFileException flagged = assertThrows(BadFileException.class,
        () -> Checkpoints.save(directory, "--save", MODEL, saved));
    assertThat(flagged).hasMessageThat().startsWith("--save " + directory + ": error: ");
  }

  @Test
  void parametersOfAnotherShapeAreRefused() throws Exception {
    Path file = folder.resolve("result.json");
    Files.writeString(file, "{\"params\": {\"w\": [1, 2, 3], \"b\": -3}}");
    BadFileException e = assertThrows(BadFileException.class,
        () -> Checkpoints.load(file, MODEL));
    assertThat(e).hasMessageThat().isEqualTo(file + ": error: \"w\" must be an array of 2 "
        + "numbers; the model's parameters are w[2], b, the file's w, b (a fit of another "
        + "model?)");
  }

  @Test
  void parametersOfAnotherModelAreRefusedNamingBothSides() throws Exception {
    Path file = folder.resolve("other.json");
    Files.writeString(file, "{\"params\": {\"x\": 1, \"y\": 2}}");
    BadFileException e = assertThrows(BadFileException.class,
        () -> Checkpoints.load(file, MODEL));
    assertThat(e).hasMessageThat().isEqualTo(file + ": error: no value for parameters w, b; "
        + "the model's parameters are w[2], b, the file's x, y (a fit of another model?)");
  }

  @Test
  void aCheckpointSavedWithAnotherModelsInfoIsRefusedAndTheFileKept() throws Exception {
    // MODEL has 3 values; a checkpoint of 2 failed half written, one of 4 was cut silently.
    Path file = folder.resolve("fit.json");
    Files.writeString(file, "the fit before");
    for (int count : new int[] {2, 4}) {
      TrainingCheckpoint other = new TrainingCheckpoint(0, 5, 10, 0, new double[count],
          new OptimizerState("SGD", Map.of(), Map.of()), 0.01, Map.of(), 1.0, 0, 1.0,
          new double[0]);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Checkpoints.save(file, MODEL, other));
      assertThat(e).hasMessageThat().isEqualTo("the checkpoint holds " + count
          + " parameter values, but model 'm' has 3: save a checkpoint with the info of the "
          + "model that made it");
      assertThat(Files.readString(file)).isEqualTo("the fit before");
    }
  }
}
