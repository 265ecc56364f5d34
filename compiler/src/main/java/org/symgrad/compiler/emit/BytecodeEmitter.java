package org.symgrad.compiler.emit;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ACC_SYNTHETIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.PUTSTATIC;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.symgrad.compiler.diagnostic.Diagnostic;
import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.lower.Vectorisable;

/**
 * Translates a {@link Program} into a class implementing {@code CompiledModel}: one method per
 * kernel, instruction by instruction, in the order the IR lists them. It decides nothing the
 * IR has not decided; {@link KernelWriter} does the per-instruction work.
 *
 * <p>The class holds its {@code ModelInfo} in a final field set by its only constructor. A
 * model with split kernels also has a static {@code ThreadLocal<double[]> SCRATCH} (see
 * {@code org.symgrad.runtime.Scratch}) large enough for every kernel.
 */
public final class BytecodeEmitter {
  static final String COMPILED_MODEL = "org/symgrad/runtime/CompiledModel";
  static final String MODEL_INFO = "org/symgrad/runtime/ModelInfo";
  static final String MODEL_INFO_DESCRIPTOR = "L" + MODEL_INFO + ";";
  static final String BATCH = "org/symgrad/runtime/Batch";
  static final String CHUNKED_KERNELS = "org/symgrad/runtime/parallel/ChunkedKernels";
  /** The static field holding a split model's per-thread scratch arrays. */
  static final String SCRATCH_FIELD = "SCRATCH";
  /** {@code org.symgrad.runtime.Kernels}, whose checks every kernel calls at its head. */
  static final String KERNELS = "org/symgrad/runtime/Kernels";
  /** {@code org.symgrad.runtime.SumLanes}, which kernels with sums in scratch call. */
  static final String SUM_LANES = "org/symgrad/runtime/SumLanes";
  static final String THREAD_LOCAL_DESCRIPTOR = "Ljava/lang/ThreadLocal;";

  private BytecodeEmitter() {}

  /**
   * The class file, as below, with the program first lowered to vector row loops where {@code
   * vector} asks ({@link Vectorisable#apply}).
   */
  public static byte[] emit(Program program, String internalName,
      @Nullable SourceLines lines, boolean vector) {
    return emit(Vectorisable.apply(program, vector), internalName, lines);
  }

  /**
   * The class file for {@code program}, named {@code internalName} (slashes, as in {@code
   * org/symgrad/compiler/emit/Model_thermometer}).
   *
   * @throws SymgradException when a kernel does not fit in one JVM method
   */
  public static byte[] emit(Program program, String internalName) {
    return emit(program, internalName, null);
  }

  /**
   * The class file for {@code program}, as above, with debugging information pointing into
   * the source {@link SourceEmitter} generated for the same program: its file name as the
   * class's {@code SourceFile} and each statement's line in its {@code LineNumberTable}.
   *
   * Every {@linkplain Kernel#vectorised() vectorised} kernel of the IR runs its rows on the
   * Vector API ({@link VectorLoopWriter}), and the class then links against {@code
   * jdk.incubator.vector}; those kernels get no line numbers.
   *
   * @param lines from {@link SourceLines#of}, or null for none
   * @throws SymgradException when a kernel does not fit in one JVM method
   */
  public static byte[] emit(Program program, String internalName,
      @Nullable SourceLines lines) {
    return emit(program, internalName, lines, Part.WHOLE);
  }

  /**
   * Which of a program's methods a class file holds. A chunked model defined at run time is
   * two classes: what a fit on a few rows runs, and the rest, defined at its first call.
   */
  enum Part {
    /** Every kernel: the class the source {@link SourceEmitter} writes compiles to. */
    WHOLE,
    /**
     * {@code predict}, and the passes without and with gradient: of those that are {@link
     * #shortFirst}, only their short passes, a longer one passing on to the deferred class;
     * the other deferred kernels' methods call on into that class, which {@link LazyKernels}
     * defines at the first call ({@link DeferredCalls}). Its constructor takes the {@code
     * LazyKernels} after the {@code ModelInfo}.
     */
    MODEL,
    /**
     * The chunked kernels, the pass without gradient and every {@link #shortFirst} kernel,
     * whole, as a {@link DeferredKernels}, with a constructor without arguments.
     */
    DEFERRED;

    List<Kernel> kernels(Program program) {
      return switch (this) {
        case WHOLE -> program.kernels();
        case MODEL -> program.kernels().stream().filter(Part::inModel).toList();
        case DEFERRED -> program.kernels().stream().filter(Part::inDeferred).toList();
      };
    }

    /**
     * Whether the model class holds the kernel's short passes ({@code Kernel.SHORT}), which
     * add their rows in row order, and the deferred class the whole kernel: a pass that sums
     * in eight lanes of locals writes its body nine times, and a vector pass links the Vector
     * API, so that a model fitted to a few rows (the thermometer's 11) defines one class of
     * one body a pass, and one fitted to more defines the lanes at its first long pass, whose
     * rows cost more than the definition.
     */
    static boolean shortFirst(Kernel kernel) {
      Kernel.Kind kind = kernel.kind();
      return (kind == Kernel.Kind.LOSS || kind == Kernel.Kind.LOSS_AND_GRADIENT)
          && (kernel.vectorised() || kernel.unrollsLanes());
    }

    private static boolean inModel(Kernel kernel) {
      return !kernel.kind().chunked()
          && (kernel.kind() != Kernel.Kind.LOSS || shortFirst(kernel));
    }

    private static boolean inDeferred(Kernel kernel) {
      return kernel.kind().chunked() || kernel.kind() == Kernel.Kind.LOSS
          || shortFirst(kernel);
    }

    /** Whether the model class's method only calls on into the deferred class. */
    private static boolean passedOn(Kernel kernel) {
      return !inModel(kernel);
    }
  }

  /**
   * The class file holding {@code part} of {@code program}, as above; {@link Part#MODEL} or
   * {@link Part#DEFERRED} of a program that is not chunked is the whole of it.
   */
  static byte[] emit(Program program, String internalName, @Nullable SourceLines lines,
      Part part) {
    boolean chunked = program.isChunked();
    Part kept = chunked ? part : Part.WHOLE;
    // Frames and maxima come from FrameWriter, which knows the code's structure: ASM computes
    // nothing.
    ClassWriter writer = new ClassWriter(0);
    writer.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, internalName, null,
        "java/lang/Object", kept == Part.DEFERRED ? new String[] {DeferredCalls.DEFERRED_KERNELS}
            : chunked ? new String[] {COMPILED_MODEL, CHUNKED_KERNELS}
            : new String[] {COMPILED_MODEL});
    writer.visitSource(sourceFile(lines != null ? lines.fileName() : program.source()), null);
    if (kept == Part.DEFERRED) {
      writeBareConstructor(writer, internalName);
    } else {
      writer.visitField(ACC_PRIVATE | ACC_FINAL, "info", MODEL_INFO_DESCRIPTOR, null, null)
          .visitEnd();
      if (kept == Part.MODEL) {
        DeferredCalls.writeField(writer);
      }
      writeConstructor(writer, internalName, kept == Part.MODEL);
      writeInfo(writer, internalName);
    }
    if (chunked) {
      writeSumCount(writer, internalName, program.sumCount());
    }
    List<Kernel> kernels = kept.kernels(program);
    int scratch = kernels.stream().mapToInt(Kernel::scratchLength).max().orElse(0);
    if (scratch > 0) {
      writeScratch(writer, internalName, scratch);
    }
    for (Kernel kernel : kernels) {
      boolean vectorised = kernel.vectorised();
      new KernelWriter(writer, internalName, kernel,
          lines != null && !vectorised ? lines.kernel(kernel.kind()) : null,
          kept == Part.MODEL && Part.shortFirst(kernel)).write();
    }
    if (kept == Part.MODEL) {
      program.kernels().stream().filter(Part::passedOn)
          .forEach(kernel -> DeferredCalls.write(writer, internalName, kernel.kind()));
    }
    writer.visitEnd();
    try {
      return writer.toByteArray();
    } catch (MethodTooLargeException e) {
      // The lowering splits kernels well below this; reaching it is a bug, reported as such.
      throw new SymgradException(new Diagnostic(ErrorCode.METHOD_TOO_LARGE, program.source(), 1, 1, 1,
          "model '" + program.info().name() + "' is too large for one JVM method ("
              + e.getMethodName() + " needs " + e.getCodeSize() + " bytes, the limit is 65535)",
          null, "please report this: symgrad should have split the method"));
    } catch (ClassTooLargeException e) {
      throw new SymgradException(new Diagnostic(ErrorCode.CLASS_TOO_LARGE, program.source(), 1, 1, 1,
          "model '" + program.info().name() + "' is too large for one JVM class (its constant "
              + "pool needs " + e.getConstantPoolCount() + " entries, the limit is 65535)",
          null, "use fewer distinct numbers and terms, or split the model in two"));
    }
  }

  // The SourceFile attribute, which stack traces show: a class file holds at most 65535 bytes
  // of it, and a model named in code or a source name given as text may be longer. No file
  // system names a file of more than 255 characters, so those are kept whole.
  private static String sourceFile(String name) {
    return name.length() <= 255 ? name : name.substring(0, 254) + "…";
  }

  // private static final ThreadLocal<double[]> SCRATCH = Scratch.perThread(size);
  private static void writeScratch(ClassWriter writer, String internalName, int size) {
    writer.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, SCRATCH_FIELD,
        THREAD_LOCAL_DESCRIPTOR, "Ljava/lang/ThreadLocal<[D>;", null).visitEnd();
    MethodVisitor init = FrameWriter.method(writer, internalName, ACC_STATIC, "<clinit>", "()V");
    init.visitCode();
    init.visitLdcInsn(size);
    init.visitMethodInsn(INVOKESTATIC, "org/symgrad/runtime/Scratch", "perThread",
        "(I)Ljava/lang/ThreadLocal;", false);
    init.visitFieldInsn(PUTSTATIC, internalName, SCRATCH_FIELD, THREAD_LOCAL_DESCRIPTOR);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
  }

  // Model(ModelInfo info[, LazyKernels later]) { this.info = info; [this.later = later;] }
  private static void writeConstructor(ClassWriter writer, String internalName,
      boolean lazyKernels) {
    MethodVisitor init = FrameWriter.method(writer, internalName, ACC_PUBLIC, "<init>",
        "(" + MODEL_INFO_DESCRIPTOR + (lazyKernels ? DeferredCalls.DESCRIPTOR : "") + ")V");
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitVarInsn(ALOAD, 0);
    init.visitVarInsn(ALOAD, 1);
    init.visitFieldInsn(PUTFIELD, internalName, "info", MODEL_INFO_DESCRIPTOR);
    if (lazyKernels) {
      init.visitVarInsn(ALOAD, 0);
      init.visitVarInsn(ALOAD, 2);
      init.visitFieldInsn(PUTFIELD, internalName, DeferredCalls.FIELD, DeferredCalls.DESCRIPTOR);
    }
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
  }

  private static void writeBareConstructor(ClassWriter writer, String internalName) {
    MethodVisitor init = FrameWriter.method(writer, internalName, ACC_PUBLIC, "<init>", "()V");
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
  }

  // public int sumCount() { return n; }
  private static void writeSumCount(ClassWriter writer, String internalName, int sumCount) {
    MethodVisitor count = FrameWriter.method(writer, internalName, ACC_PUBLIC, "sumCount",
        "()I");
    count.visitCode();
    count.visitLdcInsn(sumCount);
    count.visitInsn(org.objectweb.asm.Opcodes.IRETURN);
    count.visitMaxs(0, 0);
    count.visitEnd();
  }

  private static void writeInfo(ClassWriter writer, String internalName) {
    MethodVisitor info = FrameWriter.method(writer, internalName, ACC_PUBLIC, "info",
        "()" + MODEL_INFO_DESCRIPTOR);
    info.visitCode();
    info.visitVarInsn(ALOAD, 0);
    info.visitFieldInsn(GETFIELD, internalName, "info", MODEL_INFO_DESCRIPTOR);
    info.visitInsn(ARETURN);
    info.visitMaxs(0, 0);
    info.visitEnd();
  }
}
