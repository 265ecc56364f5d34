package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.VectorModels;
import org.symgrad.compiler.lower.Instr;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;
import org.symgrad.runtime.parallel.ChunkedKernels;
import org.symgrad.runtime.optim.Optimizers;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainerOptions;
import org.symgrad.runtime.train.TrainingResult;

/**
 * The large models compile into methods HotSpot will compile (at most 8000 bytes of
 * bytecode each: the linear model's sums as loops, the network split into helpers), compute
 * the right gradient, fit, and allocate nothing once warm. How fast
 * they compile is measured in the bench module, not here.
 */
class LargeModelsTest {
  private static final int JIT_HUGE_METHOD = 8000;

  @Test
  void tenThousandFeaturesGiveTheExactGradientAndFit() {
    int features = 10_000;
    int rows = 40;
    ModelDefinition definition = VectorModels.linear(features);
    Program program = Symgrad.lower(definition);
    // Its sums over j are loops, small enough for one method each, so it is also chunked.
    assertThat(program.lossAndGradient().isSplit()).isFalse();
    assertThat(program.lossAndGradient().body().stream()
        .filter(Instr.Loop.class::isInstance).count()).isEqualTo(2);
    assertThat(program.isChunked()).isTrue();
    CompiledModel model = compileInSmallMethods(program);
    assertThat(model).isInstanceOf(ChunkedKernels.class);
    Random random = new Random(3);
    double[][] columns = new double[features + 1][rows];
    double[] truth = new double[features];
    for (int j = 0; j < features; j++) {
      truth[j] = random.nextGaussian() / 100;
      for (int r = 0; r < rows; r++) {
        columns[j][r] = random.nextGaussian();
        columns[features][r] += truth[j] * columns[j][r];
      }
    }
    Batch batch = Batch.of(columns, rows);
    double[] params = new double[features + 1];
    for (int j = 0; j < params.length; j++) {
      params[j] = random.nextGaussian() / 100;
    }
    // d/dw[j] of mean((pred - y)^2) = 2/N sum((pred - y) * x[j]), written out by hand.
    double[] residual = new double[rows];
    double expectedLoss = 0;
    for (int r = 0; r < rows; r++) {
      double pred = params[features];
      for (int j = 0; j < features; j++) {
        pred += params[j] * columns[j][r];
      }
      residual[r] = pred - columns[features][r];
      expectedLoss += residual[r] * residual[r] / rows;
    }
    double[] grad = new double[params.length];
    double loss = model.lossAndGradient(params, batch, grad);
    assertThat(loss).isWithin(1e-12 * expectedLoss).of(expectedLoss);
    for (int j = 0; j <= features; j++) {
      double expected = 0;
      for (int r = 0; r < rows; r++) {
        expected += 2 * residual[r] * (j < features ? columns[j][r] : 1) / rows;
      }
      assertWithMessage("dL/dw[%s]", j).that(grad[j])
          .isWithin(1e-10 * Math.abs(expected) + 1e-15).of(expected);
    }
    // X^T X / N has eigenvalues near features / rows: plain SGD needs a small step.
    assertFits(model, columns, params, "sgd", "0.001");
  }

  @Test
  void aHundredUnitNetworkFits() {
    ModelDefinition definition = VectorModels.mlp(100, 10);
    Program program = Symgrad.lower(definition);
    assertThat(program.lossAndGradient().isSplit()).isTrue();
    CompiledModel model = compileInSmallMethods(program);
    assertThat(ClassFileCode.codeLengths(BytecodeEmitter.emit(program,
        "org/symgrad/compiler/emit/Model_large")).size()).isGreaterThan(10);
    Random random = new Random(5);
    int rows = 60;
    double[][] columns = new double[11][rows];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < 10; k++) {
        columns[k][r] = random.nextGaussian();
      }
      columns[10][r] = Math.sin(columns[0][r]) + columns[1][r] * columns[2][r];
    }
    assertFits(model, columns, model.info().initialParameters(0), "adam", "0.01");
  }

  @Test
  void splitKernelsAllocateNothingOnceWarm() {
    assertAllocatesNothingOnceWarm(VectorModels.mlp(100, 10));
  }

  @Test
  void loopKernelsAllocateNothingOnceWarm() {
    ModelDefinition definition = VectorModels.linear(2000);
    assertThat(Symgrad.lower(definition).predict().body().get(0)).isInstanceOf(Instr.Loop.class);
    assertAllocatesNothingOnceWarm(definition);
  }

  private static void assertAllocatesNothingOnceWarm(ModelDefinition definition) {
    CompiledModel model = Symgrad.compile(definition);
    Batch batch = VectorModels.batch(definition, new Random(1), 20);
    double[] params = model.info().initialParameters(1);
    double[] grad = new double[params.length];
    double[] out = new double[20];
    Batch inputs = VectorModels.inputsOf(batch);
    for (int i = 0; i < 5; i++) { // the thread's scratch array is made on the first call
      model.lossAndGradient(params, batch, grad);
      model.loss(params, batch);
      model.predict(params, inputs, out);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 20; i++) {
      model.lossAndGradient(params, batch, grad);
      model.loss(params, batch);
      model.predict(params, inputs, out);
    }
    assertThat(threads.getThreadAllocatedBytes(thread) - before).isEqualTo(0);
  }

  // Compiles the model, checking every method of its class is within HotSpot's limit.
  private static CompiledModel compileInSmallMethods(Program program) {
    Map<String, Integer> lengths = ClassFileCode.codeLengths(
        BytecodeEmitter.emit(program, "org/symgrad/compiler/emit/Model_large"));
    lengths.forEach((method, length) ->
        assertWithMessage(method).that(length).isAtMost(JIT_HUGE_METHOD));
    return ModelClassDefiner.define(program);
  }

  // A few epochs lower the training loss.
  private static void assertFits(CompiledModel model, double[][] columns, double[] start,
      String optimizer, String lr) {
    List<String> names = new ArrayList<>(model.info().inputColumns());
    names.add(model.info().target());
    Dataset data = new Dataset(names, columns);
    Trainer trainer = new Trainer(TrainerOptions.builder()
        .epochs(15).validationFraction(0).logEvery(1000).build());
    double initial = model.loss(start, data.batchFor(model.info(), true));
    TrainingResult result = trainer.fit(model, data, start,
        Optimizers.create(optimizer, start.length, Map.of("lr", lr)));
    assertThat(result.epochs()).isEqualTo(15);
    assertThat(result.trainLoss()).isLessThan(0.9 * initial);
  }
}
