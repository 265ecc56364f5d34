package org.symgrad.compiler;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.emit.VectorMode;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/** Compiled models are shared by program, bounded, and safe to ask for from many threads. */
class ModelCacheTest {
  private static final String LINEAR = "input x\ntarget y\nparam w = 1.0\nparam b = 0.0\n"
      + "model w * x + b\nloss mse\n";

  private static ModelDefinition parse(String text) {
    return ModelParser.parse(text, "m.sg");
  }

  /** A model that differs from the others in its starting value only. */
  private static ModelDefinition numbered(int i) {
    return parse(LINEAR.replace("param w = 1.0", "param w = " + i + ".0"));
  }

  @Test
  void theSameModelTwiceIsTheSameInstance() {
    ModelCache cache = new ModelCache();
    CompiledModel first = cache.compile(parse(LINEAR));
    CompiledModel second = cache.compile(parse(LINEAR));

    assertThat(second).isSameInstanceAs(first);
    assertThat(cache.misses()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void vectorAndScalarKernelsOfOneModelAreTwoEntries() {
    // The compiler's tests run with --add-modules jdk.incubator.vector, so AUTO vectorises.
    assertThat(VectorMode.AUTO.vectorises()).isTrue();
    ModelCache cache = new ModelCache();
    CompiledModel scalar = cache.compile(parse(LINEAR), VectorMode.OFF);
    CompiledModel vector = cache.compile(parse(LINEAR), VectorMode.AUTO);

    assertThat(vector).isNotSameInstanceAs(scalar);
    assertThat(cache.compile(parse(LINEAR), VectorMode.ON)).isSameInstanceAs(vector);
    assertThat(cache.compile(parse(LINEAR), VectorMode.OFF)).isSameInstanceAs(scalar);
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void commentsAndSpacingDoNotMatterButMeaningDoes() {
    ModelCache cache = new ModelCache();
    CompiledModel plain = cache.compile(parse(LINEAR));
    String spaced = "# a comment\n\n" + LINEAR.replace("param w = 1.0", "param   w =  1.0  # start")
        .replace("model w * x + b", "model   w * x + b   # fitted");

    assertThat(cache.compile(parse(spaced))).isSameInstanceAs(plain);
    // The expression as written is part of the class (info().modelText()), so it is a new one.
    assertThat(cache.compile(parse(LINEAR.replace("w * x + b", "w*x + b"))))
        .isNotSameInstanceAs(plain);
    assertThat(cache.compile(parse(LINEAR.replace("mse", "mae")))).isNotSameInstanceAs(plain);
    assertThat(cache.compile(numbered(2))).isNotSameInstanceAs(plain);
    assertThat(cache.compile(ModelParser.parse(LINEAR, "other.sg"))).isNotSameInstanceAs(plain);
  }

  @Test
  void aCachedModelComputesWhatAFreshCompileDoes() {
    CompiledModel cached = new ModelCache().compile(parse(LINEAR));
    CompiledModel fresh = Symgrad.compile(parse(LINEAR));
    Batch batch = Batch.of(new double[][] {{1, 2, 3}, {2, 4, 7}}, 3);
    double[] gradCached = new double[2];
    double[] gradFresh = new double[2];

    assertThat(cached.lossAndGradient(new double[] {1.5, -0.5}, batch, gradCached))
        .isEqualTo(fresh.lossAndGradient(new double[] {1.5, -0.5}, batch, gradFresh));
    assertThat(gradCached).isEqualTo(gradFresh);
    assertThat(cached.info()).isEqualTo(fresh.info());
  }

  @Test
  void evictsTheLeastRecentlyUsedBeyondCapacity() {
    ModelCache cache = new ModelCache(2);
    CompiledModel one = cache.compile(numbered(1));
    CompiledModel two = cache.compile(numbered(2));
    assertThat(cache.compile(numbered(1))).isSameInstanceAs(one); // 1 is now the most recent
    cache.compile(numbered(3)); // evicts 2

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.compile(numbered(1))).isSameInstanceAs(one);
    assertThat(cache.compile(numbered(2))).isNotSameInstanceAs(two);
  }

  @Test
  void clearForgetsButHandedOutModelsStillWork() {
    ModelCache cache = new ModelCache();
    CompiledModel before = cache.compile(parse(LINEAR));
    cache.clear();

    assertThat(cache.size()).isEqualTo(0);
    assertThat(cache.compile(parse(LINEAR))).isNotSameInstanceAs(before);
    assertThat(before.loss(new double[] {1, 0}, Batch.of(new double[][] {{1}, {1}}, 1)))
        .isEqualTo(0.0);
  }

  @Test
  void threadsAskingAtOnceAllGetOneInstance() throws Exception {
    ModelCache cache = new ModelCache();
    int threads = 8;
    List<CompiledModel> got = RacingCalls.fromThreads(threads, () -> cache.compile(parse(LINEAR)));
    for (CompiledModel each : got) {
      assertThat(each).isSameInstanceAs(got.get(0));
    }
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.hits() + cache.misses()).isEqualTo(threads);
  }

  @Test
  void refusesACapacityBelowOne() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ModelCache(0));
    assertThat(e).hasMessageThat().isEqualTo("a model cache holds at least 1 model, got 0");
  }
}
