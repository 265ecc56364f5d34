package org.symgrad.compiler;

import java.nio.file.Path;
import java.util.List;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.emit.BytecodeEmitter;
import org.symgrad.compiler.emit.EmitOptions;
import org.symgrad.compiler.emit.GeneratedCode;
import org.symgrad.compiler.emit.ModelClassDefiner;
import org.symgrad.compiler.emit.SourceEmitter;
import org.symgrad.compiler.emit.SourceLines;
import org.symgrad.compiler.emit.VectorMode;
import org.symgrad.compiler.lower.LowerOptions;
import org.symgrad.compiler.lower.Lowering;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.lower.Vectorisable;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.compiler.second.SecondOrder;
import org.symgrad.compiler.simplify.ModelGradient;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.ModelInfo;

/**
 * The front door, and the one owner of the pipeline: parse → graph → diff → simplify → lower →
 * emit. Each entry below runs those stages in order, in one place.
 *
 * <pre>{@code
 * ModelDefinition model = Symgrad.parseFile(Path.of("thermometer.sg"));
 * CompiledModel compiled = Symgrad.compile(model);
 * double loss = compiled.lossAndGradient(params, batch, grad);
 * }</pre>
 */
public final class Symgrad {
  /** The version written into generated code. */
  public static final String VERSION = GeneratedCode.VERSION;

  /**
   * The package of generated source when none is chosen: {@code symgrad emit}'s default, and
   * the package whose source the line numbers of {@link #compile}'s classes point into.
   */
  public static final String GENERATED_PACKAGE = GeneratedCode.DEFAULT_PACKAGE;

  private Symgrad() {}

  /**
   * The model in an {@code .sg} file (parse and graph).
   *
   * @throws SymgradException with every bad line's place and caret
   */
  public static ModelDefinition parseFile(Path file) {
    return ModelParser.parseFile(file);
  }

  /** The model in {@code text}; {@code sourceName} names it in messages. */
  public static ModelDefinition parse(String text, String sourceName) {
    return ModelParser.parse(text, sourceName);
  }

  /**
   * The gradient of one expression of free variables, as {@code symgrad grad} answers it:
   * parsed, simplified, differentiated once; its Hessian on demand.
   *
   * @throws SymgradException if {@code text} does not parse
   */
  public static ExpressionDerivatives gradient(String text) {
    return ExpressionDerivatives.of(text);
  }

  /**
   * The kernel IR of {@code model}, as both emitters see it: diff, simplify, lower. These add
   * the derivatives' nodes to the model's graph, which is not thread-safe, so they hold the
   * graph's lock: one parsed model may be compiled by several threads at once.
   */
  public static Program lower(ModelDefinition model) {
    return lower(model, LowerOptions.DEFAULT);
  }

  /** The same, shaped as {@code options} say (for tests and benchmarks). */
  public static Program lower(ModelDefinition model, LowerOptions options) {
    synchronized (model.graph()) {
      ModelGradient derived = ModelGradient.of(model);
      return Lowering.lower(derived, options);
    }
  }

  /**
   * The Java source of a class implementing {@code CompiledModel} for {@code model}, as {@code
   * symgrad emit} and the annotation processor write it: {@code emitSource(model,
   * GENERATED_PACKAGE, SourceEmitter.className(model.name()))}.
   *
   * @throws SymgradException when the model does not fit in JVM methods
   * @throws IllegalArgumentException when {@code packageName} is neither empty nor a Java
   *     package name, or {@code className} is not a simple Java class name
   */
  public static String emitSource(ModelDefinition model, String packageName, String className) {
    return emitSource(model, packageName, className, false);
  }

  /**
   * The same; with {@code vector}, the row loops that can be are written with the Vector API
   * (see {@link VectorMode}), and the source needs {@code --add-modules jdk.incubator.vector}.
   */
  public static String emitSource(ModelDefinition model, String packageName, String className,
      boolean vector) {
    JavaNames.check(packageName, className);
    Program program = lower(model);
    return SourceEmitter.emitWithLines(program, packageName, className, vector).text();
  }

  /**
   * The class file of the same class, as the bytecode emitter writes it: named {@code
   * packageName.className}, with the {@code SourceFile} and line numbers of {@link
   * #emitSource}'s text. Its one constructor takes the model's {@code ModelInfo}.
   *
   * @throws SymgradException when the model does not fit in JVM methods
   * @throws IllegalArgumentException for names {@link #emitSource} refuses
   */
  public static byte[] emitClass(ModelDefinition model, String packageName, String className) {
    return emitClass(model, packageName, className, false);
  }

  /** The same, with the Vector API's row loops when {@code vector}, as {@link #emitSource}. */
  public static byte[] emitClass(ModelDefinition model, String packageName, String className,
      boolean vector) {
    JavaNames.check(packageName, className);
    Program program = lower(model);
    SourceLines lines = SourceLines.of(program, packageName, className, vector);
    String binaryName = packageName.isEmpty() ? className : packageName + "." + className;
    return BytecodeEmitter.emit(program, binaryName.replace('.', '/'), lines, vector);
  }

  /**
   * {@code model} compiled to bytecode and loaded as a hidden class; thread-safe. Its row
   * loops run on the Vector API as the system property {@value VectorMode#PROPERTY} says: off
   * unless set to {@code auto} or {@code on}; line numbers and class dumps as {@link
   * SystemProperties#emitOptions()} reads them.
   */
  public static CompiledModel compile(ModelDefinition model) {
    return compile(model, emitOptions());
  }

  /**
   * The Jacobian kernel of a least-squares {@code model}: per row, the prediction and its
   * derivative by every parameter ({@link SecondOrder#jacobianModel}), for {@code
   * CompiledResiduals} and Levenberg–Marquardt.
   *
   * @throws IllegalArgumentException when the model is not a sum of squares of residuals
   */
  public static CompiledModel compileJacobian(ModelDefinition model) {
    return compile(SecondOrder.jacobianModel(model));
  }

  /**
   * The Hessian kernel of {@code model}: per row, the row loss's Hessian and the penalty's
   * ({@link SecondOrder#hessianModel}), for {@code CompiledObjective} and Newton.
   */
  public static CompiledModel compileHessian(ModelDefinition model) {
    return compile(SecondOrder.hessianModel(model));
  }

  /**
   * The fused normal equations of a least-squares {@code model}: one pass over the rows
   * returns {@code Σr²} and writes {@code Jᵀr} then the upper triangle of {@code JᵀJ}, each
   * summed in the generated loop ({@link SecondOrderKernel#NORMAL_EQUATIONS}).
   *
   * @throws IllegalArgumentException when the model is not a sum of squares of residuals
   */
  public static CompiledModel compileNormalEquations(ModelDefinition model) {
    return compileSecondOrder(model, SecondOrderKernel.NORMAL_EQUATIONS);
  }

  /** One of the fused second-order kernels of {@code model}, compiled to bytecode. */
  public static CompiledModel compileSecondOrder(ModelDefinition model, SecondOrderKernel kind) {
    EmitOptions options = emitOptions();
    Program program = lowerSecondOrder(model, kind);
    return ModelClassDefiner.defineLowered(
        Vectorisable.apply(program, options.vector().vectorises()), options);
  }

  /** The Java source of one of the fused second-order kernels, as src-gen shows them. */
  public static String emitSecondOrderSource(ModelDefinition model, SecondOrderKernel kind,
      String packageName, String className) {
    JavaNames.check(packageName, className);
    return SourceEmitter.emitText(lowerSecondOrder(model, kind), packageName, className);
  }

  /** The kernel IR of one of the fused second-order kernels of {@code model}. */
  public static Program lowerSecondOrder(ModelDefinition model, SecondOrderKernel kind) {
    synchronized (model.graph()) {
      return Lowering.lower(model, kind.sums(model), LowerOptions.DEFAULT);
    }
  }

  /**
   * {@code model} compiled with vector kernels as {@code mode} says.
   *
   * @throws IllegalStateException for {@link VectorMode#ON} in a JVM started without {@code
   *     --add-modules jdk.incubator.vector}
   */
  public static CompiledModel compile(ModelDefinition model, VectorMode mode) {
    return compile(model, emitOptions().withVector(mode));
  }

  /** {@code model} compiled as {@code options} say. */
  public static CompiledModel compile(ModelDefinition model, EmitOptions options) {
    Program program = Vectorisable.apply(lower(model), options.vector().vectorises());
    return ModelClassDefiner.defineLowered(program, options);
  }

  /** The emit options the system properties ask for, read here, at the edge, once a call. */
  public static EmitOptions emitOptions() {
    return SystemProperties.emitOptions();
  }

  /**
   * Whether {@link #compile} gives vector kernels, as the system property {@value
   * VectorMode#PROPERTY} asks.
   *
   * @throws IllegalStateException when it asks for what this JVM cannot give, with the fix
   * @throws IllegalArgumentException when its value is not {@code off}, {@code auto} or {@code on}
   */
  public static boolean vectorKernels() {
    return SystemProperties.vectorMode().vectorises();
  }

  /** The class name {@code symgrad emit} gives a model when none is chosen. */
  public static String generatedClassName(String modelName) {
    return SourceEmitter.className(modelName);
  }

  /**
   * Why {@code model} is not a least-squares problem (one output, an {@code mse} loss, no
   * penalty) for {@code lm}, or the empty string when it is one.
   */
  public static String whyNotLeastSquares(ModelDefinition model) {
    return SecondOrder.leastSquaresProblem(model);
  }

  /**
   * Why {@code newton} cannot fit {@code model}, or "" when it can: a loss without curvature
   * (mae, whose second derivative is 0 wherever it exists) gives it nothing to step by, and
   * its trust region shrinks onto a kink, where it would report convergence.
   */
  public static String whyNotNewton(ModelDefinition model) {
    return model.lossText().strip().equals("mae")
        ? "newton steps by the loss's curvature, and mae has none (its second derivative is 0 "
            + "wherever it exists), so it would stop at a kink, not the minimum; fit mae with a "
            + "torch optimizer (--optimizer adam)"
        : "";
  }

  /**
   * Why {@code lm} ({@code leastSquares}) or else {@code newton} cannot fit {@code model}, or ""
   * when it can: the whole refusal, as the command line and symgrad-spark word it, pointing an
   * lm user whose loss is not least squares at newton.
   */
  public static String whyNotSecondOrder(ModelDefinition model, boolean leastSquares) {
    if (!leastSquares) {
      return whyNotNewton(model);
    }
    String why = whyNotLeastSquares(model);
    return why.isEmpty() ? "" : why + "; --optimizer newton fits any smooth loss";
  }

  /** The parameters' element names in flat order ({@code W[0,1]} for an array's elements). */
  public static List<String> parameterNames(ModelDefinition model) {
    return SecondOrder.parameterNames(model);
  }

  /**
   * A generated model class: its Java source and the {@code ModelInfo} it carries, which the
   * annotation processor's typed facade is written from.
   */
  public record GeneratedSource(String text, ModelInfo info) {}

  /**
   * The source {@link #emitSource(ModelDefinition, String, String)} writes, with the model's
   * info, from one lowering: what the annotation processor needs.
   *
   * @throws SymgradException when the model does not fit in JVM methods
   */
  public static GeneratedSource generateSource(ModelDefinition model, String packageName,
      String className) {
    JavaNames.check(packageName, className);
    Program program = lower(model);
    return new GeneratedSource(SourceEmitter.emitText(program, packageName, className),
        program.info());
  }
}
