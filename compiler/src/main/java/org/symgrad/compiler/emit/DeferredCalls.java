package org.symgrad.compiler.emit;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DRETURN;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.RETURN;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.symgrad.compiler.lower.Argument;
import org.symgrad.compiler.lower.Kernel;

/**
 * The deferred methods of a {@link BytecodeEmitter.Part#MODEL} class: each passes its
 * arguments on to the same method of {@link LazyKernels}, which calls on into the kernels it
 * defines at the first call: {@code return later.sums(params, batch, from, to, sums);}.
 */
final class DeferredCalls {
  static final String FIELD = "later";
  static final String LAZY_KERNELS = "org/symgrad/compiler/emit/LazyKernels";
  static final String DESCRIPTOR = "L" + LAZY_KERNELS + ";";
  static final String DEFERRED_KERNELS = "org/symgrad/compiler/emit/DeferredKernels";

  private DeferredCalls() {}

  static void writeField(ClassWriter writer) {
    writer.visitField(ACC_PRIVATE | ACC_FINAL, FIELD, DESCRIPTOR, null, null).visitEnd();
  }

  /** The method of {@code kind}, a deferred kernel's, calling on into the lazy kernels. */
  static void write(ClassWriter writer, String owner, Kernel.Kind kind) {
    MethodVisitor code = FrameWriter.method(writer, owner, ACC_PUBLIC, kind.methodName(),
        KernelWriter.descriptor(kind));
    code.visitCode();
    passOn(code, owner, kind);
    code.visitMaxs(0, 0);
    code.visitEnd();
  }

  /**
   * {@code return later.sums(params, batch, from, to, sums);}: the method of {@code kind}
   * passes its arguments on to the same method of the lazy kernels and returns what it returns.
   * The method's name and descriptor are the model class's own, already in its constant pool.
   */
  static void passOn(MethodVisitor code, String owner, Kernel.Kind kind) {
    code.visitVarInsn(ALOAD, 0);
    code.visitFieldInsn(GETFIELD, owner, FIELD, DESCRIPTOR);
    int slot = 1;
    for (Argument argument : kind.arguments()) {
      code.visitVarInsn(argument.type() == Argument.Type.INT ? ILOAD : ALOAD, slot++);
    }
    code.visitMethodInsn(INVOKEVIRTUAL, LAZY_KERNELS, kind.methodName(),
        KernelWriter.descriptor(kind), false);
    code.visitInsn(kind.returnsLoss() ? DRETURN : RETURN);
  }
}
