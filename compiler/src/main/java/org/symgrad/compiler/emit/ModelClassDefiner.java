package org.symgrad.compiler.emit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.lower.Vectorisable;
import org.symgrad.compiler.emit.BytecodeEmitter.Part;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.ModelInfo;

/**
 * Defines emitted model classes as hidden classes of this package: nothing outside symgrad can
 * name them, and each is unloaded once its model is no longer referenced.
 *
 * <p>Each class carries the {@code SourceFile} and line numbers of the source {@code symgrad
 * emit} prints for the same model (package {@value GeneratedCode#DEFAULT_PACKAGE}, class {@code
 * Symgrad_Thermometer}), so a debugger or a stack trace lands on a readable statement. The JVM
 * leaves hidden classes' frames out of stack traces unless run with {@code
 * -XX:+UnlockDiagnosticVMOptions -XX:+ShowHiddenFrames}. Rendering that source costs more than
 * emitting the bytecode (about half a millisecond for the thermometer): set {@value
 * #LINE_NUMBERS_PROPERTY} to {@code false} where compile latency matters more than readable
 * frames, and the class names its model file instead, without line numbers. Very large
 * models go without them unless it is {@code true}.
 *
 * <p>Set the system property {@value #DUMP_PROPERTY} to a folder to have every class written
 * there as well, for {@code javap -c -l}.
 */
public final class ModelClassDefiner {
  /** The system property naming the folder to dump emitted classes into. */
  public static final String DUMP_PROPERTY = "symgrad.dumpClasses";

  /**
   * The system property that decides line numbers: {@code true} always, {@code false} never;
   * unset, models up to {@value #LINE_NUMBERS_UP_TO} temporaries get them.
   */
  public static final String LINE_NUMBERS_PROPERTY = "symgrad.lineNumbers";

  /** Models up to this many temporaries in their fused kernel get line numbers by default. */
  static final int LINE_NUMBERS_UP_TO = 20_000;

  private static final String PACKAGE = "org/symgrad/compiler/emit/";
  private static final AtomicLong SERIAL = new AtomicLong();
  private static final String DEFERRED_SUFFIX = "_deferred";
  // A hidden class's name is only read in stack traces and dumps, and a class file holds at
  // most 65535 bytes of it (a file name 255): a model's name may be any length.
  private static final int NAME_CHARS = 128;

  private ModelClassDefiner() {}

  /**
   * The model {@code program} describes, as a new instance of a new hidden class, as {@link
   * EmitOptions#DEFAULT} says: scalar kernels, line numbers by the default policy.
   */
  public static CompiledModel define(Program program) {
    return define(program, EmitOptions.DEFAULT);
  }

  /**
   * The same, with vector kernels as {@code mode} says.
   *
   * @throws IllegalStateException for {@link VectorMode#ON} in a JVM without the Vector API
   */
  public static CompiledModel define(Program program, VectorMode mode) {
    return define(program, EmitOptions.DEFAULT.withVector(mode));
  }

  /**
   * The same, as {@code options} say.
   *
   * @throws IllegalStateException for {@link VectorMode#ON} in a JVM without the Vector API
   */
  public static CompiledModel define(Program program, EmitOptions options) {
    return defineLowered(Vectorisable.apply(program, options.vector().vectorises()), options);
  }

  /**
   * The model {@code program} describes, its vector row loops as its IR records them ({@link
   * Vectorisable#apply} has run): only line numbers and dumps are taken from {@code options}.
   */
  public static CompiledModel defineLowered(Program program, EmitOptions options) {
    if (program.kernels().stream().anyMatch(Kernel::vectorised)) {
      readVectorModule();
    }
    if (!program.isChunked()) {
      return (CompiledModel) instantiate(define(program, options, Part.WHOLE),
          MethodType.methodType(void.class, ModelInfo.class), program.info());
    }
    // Validation and chunked passes, more than half the bytecode, wait for their first call.
    LazyKernels later = new LazyKernels(() -> (DeferredKernels) instantiate(
        define(program, options, Part.DEFERRED), MethodType.methodType(void.class)));
    return (CompiledModel) instantiate(define(program, options, Part.MODEL),
        MethodType.methodType(void.class, ModelInfo.class, LazyKernels.class), program.info(),
        later);
  }

  // The hidden class holding part of program.
  private static MethodHandles.Lookup define(Program program, EmitOptions options, Part part) {
    String internalName = internalName(program, part);
    byte[] bytes = classFile(program, options.lineNumbers(), internalName, part);
    dumpIfAsked(options.dumpFolder(), internalName, bytes);
    try {
      return MethodHandles.lookup().defineHiddenClass(bytes, true);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("could not define the emitted model class", e);
    }
  }

  private static Object instantiate(MethodHandles.Lookup lookup, MethodType constructor,
      Object... arguments) {
    try {
      MethodHandle create = lookup.findConstructor(lookup.lookupClass(), constructor);
      return switch (arguments.length) { // invoke, not invokeWithArguments: no spreader made
        case 0 -> create.invoke();
        case 1 -> create.invoke(arguments[0]);
        default -> create.invoke(arguments[0], arguments[1]);
      };
    } catch (Error | RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("could not instantiate the emitted model class", e);
    }
  }

  /**
   * The class file {@link #define} defines: named in this package, with the lines of the
   * source {@code symgrad emit} prints for the same model unless {@value
   * #LINE_NUMBERS_PROPERTY} is {@code false}.
   */
  static byte[] classFile(Program program) {
    return classFile(program, EmitOptions.DEFAULT);
  }

  /** The class file holding {@code part} of {@code program}, as {@link #define} makes it. */
  static byte[] classFile(Program program, Part part) {
    return classFile(Vectorisable.apply(program, false), EmitOptions.DEFAULT.lineNumbers(),
        internalName(program, part), part);
  }

  /** The same, with line numbers as {@code options} say. */
  static byte[] classFile(Program program, EmitOptions options) {
    return classFile(Vectorisable.apply(program, false), options.lineNumbers());
  }

  private static byte[] classFile(Program program, String lineNumbers) {
    return classFile(program, lineNumbers, internalName(program), Part.WHOLE);
  }

  private static byte[] classFile(Program program, String lineNumbers, String internalName,
      Part part) {
    if (!wantsLineNumbers(lineNumbers, () -> JvmFlags.DEBUGGABLE,
        program.lossAndGradient().temps())) {
      return BytecodeEmitter.emit(program, internalName, null, part);
    }
    String className = SourceEmitter.className(program.info().name());
    SourceLines lines = SourceLines.of(program, GeneratedCode.DEFAULT_PACKAGE, className);
    return BytecodeEmitter.emit(program, internalName, lines, part);
  }

  // Line numbers are counted from the program (SourceLines.of), with no source rendered, but
  // they only serve a debugger or a stack trace with hidden frames shown, and a 10 000-feature
  // model's 150 000-line layout serves nobody: by default only a JVM run for one of those
  // gets them, for models up to LINE_NUMBERS_UP_TO temporaries; "true" or "false" decides.
  /**
   * The line-number policy: {@code asked} ({@code "true"} or {@code "false"}) decides;
   * otherwise line numbers when the fused kernel has at most {@link #LINE_NUMBERS_UP_TO}
   * temporaries and the JVM is {@code debuggable} (asked last: the first look at the JVM's
   * arguments costs tens of milliseconds).
   */
  static boolean wantsLineNumbers(String asked, BooleanSupplier debuggable, int temps) {
    if ("true".equalsIgnoreCase(asked) || "false".equalsIgnoreCase(asked)) {
      return Boolean.parseBoolean(asked);
    }
    return temps <= LINE_NUMBERS_UP_TO && debuggable.getAsBoolean();
  }

  private static String internalName(Program program, Part part) {
    return internalName(program) + (part == Part.DEFERRED ? DEFERRED_SUFFIX : "");
  }

  private static String internalName(Program program) {
    String name = javaName(program.info().name());
    return PACKAGE + "Model_" + name.substring(0, Math.min(name.length(), NAME_CHARS));
  }

  /** {@code name} made a valid Java identifier: other characters become '_'. */
  public static String javaName(String name) {
    StringBuilder safe = new StringBuilder();
    for (char c : name.toCharArray()) {
      safe.append(Character.isJavaIdentifierPart(c) && c < 128 ? c : '_');
    }
    if (safe.length() == 0 || !Character.isJavaIdentifierStart(safe.charAt(0))) {
      safe.insert(0, '_');
    }
    return safe.toString();
  }

  private static void dumpIfAsked(@Nullable String folder, String internalName, byte[] bytes) {
    if (folder == null || folder.isBlank()) {
      return;
    }
    Path file = Path.of(folder, internalName.substring(PACKAGE.length()) + "_"
        + SERIAL.incrementAndGet() + ".class");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("could not dump " + file, e);
    }
  }

  // On the module path this module reads only what module-info requires, and the Vector API
  // is optional; the hidden class, defined in this module, links against it. Unnamed: no-op.
  private static void readVectorModule() {
    ModuleLayer.boot().findModule(VectorMode.MODULE)
        .ifPresent(ModelClassDefiner.class.getModule()::addReads);
  }
}
