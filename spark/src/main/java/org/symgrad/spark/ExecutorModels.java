package org.symgrad.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.symgrad.compiler.ModelCache;
import org.symgrad.compiler.SecondOrderKernel;
import org.symgrad.compiler.SecondOrderProblems;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.optim.lsq.CompiledResiduals;
import org.symgrad.runtime.optim.lsq.FusedResiduals;
import org.symgrad.runtime.optim.lsq.ResidualProblem;

/**
 * The compiled models of this JVM, by model text: what lets a Spark job ship a model as its
 * text and compile it once per executor JVM, never serialising a generated class (hidden
 * classes cannot be serialised, and a class compiled on the driver means nothing to another
 * JVM anyway).
 *
 * <p>The key is the text and its source name; {@link ModelCache} below keys by the lowered
 * program and the vector mode, so two texts of one model share a class. Tasks of one executor
 * run on several threads at once; both maps are thread-safe, and a compiled model is
 * stateless and thread-safe.
 */
final class ExecutorModels {
  private static final ModelCache CACHE = new ModelCache();
  private static final Map<Source, CompiledModel> BY_TEXT = new ConcurrentHashMap<>();
  private static final Map<Source, ModelDefinition> DEFINITIONS = new ConcurrentHashMap<>();
  // The kernels of lm (the Jacobian) and newton (the Hessian), compiled as symgrad fit does.
  private static final Map<KindSource, CompiledModel> SECOND_ORDER = new ConcurrentHashMap<>();
  private static final Map<Source, CompiledModel> JACOBIANS = new ConcurrentHashMap<>();

  private ExecutorModels() {}

  /**
   * The model in {@code text}, compiled on the first call in this JVM.
   *
   * @throws org.symgrad.compiler.SymgradException when the text does not parse
   */
  static CompiledModel get(String text, String sourceName) {
    return BY_TEXT.computeIfAbsent(new Source(text, sourceName),
        source -> compile(source, CACHE::compile));
  }

  /** The parsed model in {@code text}, parsed once in this JVM. */
  static ModelDefinition definition(String text, String sourceName) {
    return DEFINITIONS.computeIfAbsent(new Source(text, sourceName),
        source -> Symgrad.parse(source.text(), source.name()));
  }

  /**
   * The fused second-order kernel {@code kind} of the model, compiled on the first call in this
   * JVM: the kernels {@code symgrad fit --optimizer lm|newton} runs.
   */
  static CompiledModel secondOrder(String text, String sourceName, SecondOrderKernel kind) {
    return SECOND_ORDER.computeIfAbsent(new KindSource(kind, new Source(text, sourceName)),
        key -> compile(key.source(), definition -> Symgrad.compileSecondOrder(definition,
            key.kind())));
  }

  /**
   * The residuals of a least-squares model over {@code batch} as {@code symgrad fit --optimizer
   * lm} takes them ({@code SecondOrderProblems.residuals}, one thread), from this JVM's kernels:
   * the fused normal equations with the geodesic kernel for {@code lm}'s acceleration, or above
   * {@code FUSED_NORMAL_EQUATIONS_LIMIT} parameters the Jacobian kernel.
   */
  static ResidualProblem residuals(String text, String sourceName, Batch batch) {
    if (!fusesNormalEquations(text, sourceName)) {
      return new CompiledResiduals(get(text, sourceName), jacobian(text, sourceName), batch);
    }
    return new FusedResiduals(secondOrder(text, sourceName, SecondOrderKernel.NORMAL_EQUATIONS),
        secondOrder(text, sourceName, SecondOrderKernel.SUM_OF_SQUARES),
        secondOrder(text, sourceName, SecondOrderKernel.GEODESIC), batch, 1);
  }

  /** Compiles the kernels {@link #residuals} will run, so that a failure is one error. */
  static void compileResiduals(String text, String sourceName) {
    if (fusesNormalEquations(text, sourceName)) {
      secondOrder(text, sourceName, SecondOrderKernel.NORMAL_EQUATIONS);
      secondOrder(text, sourceName, SecondOrderKernel.SUM_OF_SQUARES);
      secondOrder(text, sourceName, SecondOrderKernel.GEODESIC);
    } else {
      jacobian(text, sourceName);
    }
  }

  /** Whether {@link #residuals} fuses the normal equations (and has the geodesic kernel). */
  static boolean fusesNormalEquations(String text, String sourceName) {
    return SecondOrderProblems.fusesNormalEquations(
        Symgrad.parameterNames(definition(text, sourceName)).size());
  }

  private static CompiledModel jacobian(String text, String sourceName) {
    return JACOBIANS.computeIfAbsent(new Source(text, sourceName),
        source -> compile(source, Symgrad::compileJacobian));
  }

  // One parsed definition serves the model and its kernels, and lowering adds nodes to its
  // graph, which is not thread-safe: tasks on several threads compile under its lock.
  private static CompiledModel compile(Source source,
      java.util.function.Function<ModelDefinition, CompiledModel> compiler) {
    ModelDefinition definition = definition(source.text(), source.name());
    synchronized (definition.graph()) {
      return compiler.apply(definition);
    }
  }

  /** How many models this JVM has compiled (for tests of the once-per-JVM rule). */
  static long compilations() {
    return CACHE.misses();
  }

  private record Source(String text, String name) {}

  private record KindSource(SecondOrderKernel kind, Source source) {}
}
