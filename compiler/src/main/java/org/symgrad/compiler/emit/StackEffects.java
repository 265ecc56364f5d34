package org.symgrad.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Type;

/**
 * How many stack slots each instruction the emitters write pushes (positive) or pops
 * (negative), a double or long counting two, as the JVM specification lists them: what
 * {@link FrameWriter} adds up to give each method its maximum stack depth, which ASM would
 * otherwise work out from a graph of the method's blocks.
 */
final class StackEffects {
  private StackEffects() {}

  /** An instruction without operands ({@code visitInsn}). */
  static int ofInsn(int opcode) {
    return switch (opcode) {
      case NOP, INEG, FNEG, LNEG, DNEG, I2F, L2D, F2I, D2L, I2B, I2C, I2S, SWAP, ARRAYLENGTH,
          LALOAD, DALOAD, RETURN -> 0;
      case ACONST_NULL, ICONST_M1, ICONST_0, ICONST_1, ICONST_2, ICONST_3, ICONST_4, ICONST_5,
          FCONST_0, FCONST_1, FCONST_2, DUP, DUP_X1, DUP_X2, I2L, I2D, F2L, F2D -> 1;
      case LCONST_0, LCONST_1, DCONST_0, DCONST_1, DUP2, DUP2_X1, DUP2_X2 -> 2;
      case IALOAD, FALOAD, AALOAD, BALOAD, CALOAD, SALOAD, POP, IADD, ISUB, IMUL, IDIV, IREM,
          IAND, IOR, IXOR, ISHL, ISHR, IUSHR, FADD, FSUB, FMUL, FDIV, FREM, LSHL, LSHR, LUSHR,
          L2I, L2F, D2I, D2F, FCMPL, FCMPG, IRETURN, FRETURN, ARETURN, ATHROW, MONITORENTER,
          MONITOREXIT -> -1;
      case POP2, LADD, LSUB, LMUL, LDIV, LREM, LAND, LOR, LXOR, DADD, DSUB, DMUL, DDIV, DREM,
          LRETURN, DRETURN -> -2;
      case IASTORE, FASTORE, AASTORE, BASTORE, CASTORE, SASTORE, LCMP, DCMPL, DCMPG -> -3;
      case LASTORE, DASTORE -> -4;
      default -> throw new IllegalArgumentException("emitter bug: opcode " + opcode);
    };
  }

  /** A local's load or store. */
  static int ofVar(int opcode) {
    return switch (opcode) {
      case ILOAD, FLOAD, ALOAD -> 1;
      case LLOAD, DLOAD -> 2;
      case ISTORE, FSTORE, ASTORE -> -1;
      case LSTORE, DSTORE -> -2;
      default -> throw new IllegalArgumentException("emitter bug: opcode " + opcode);
    };
  }

  /** {@code BIPUSH}, {@code SIPUSH} or {@code NEWARRAY}. */
  static int ofIntInsn(int opcode) {
    return opcode == NEWARRAY ? 0 : 1;
  }

  /** {@code NEW}, {@code ANEWARRAY}, {@code CHECKCAST} or {@code INSTANCEOF}. */
  static int ofTypeInsn(int opcode) {
    return opcode == NEW ? 1 : 0;
  }

  static int ofField(int opcode, String descriptor) {
    int size = Type.getType(descriptor).getSize();
    return switch (opcode) {
      case GETSTATIC -> size;
      case PUTSTATIC -> -size;
      case GETFIELD -> size - 1;
      default -> -size - 1; // PUTFIELD
    };
  }

  static int ofMethod(int opcode, String descriptor) {
    int sizes = Type.getArgumentsAndReturnSizes(descriptor); // arguments' count this
    int popped = (sizes >> 2) - (opcode == INVOKESTATIC ? 1 : 0);
    return (sizes & 3) - popped;
  }

  static int ofJump(int opcode) {
    return switch (opcode) {
      case GOTO -> 0;
      case JSR -> 1;
      case IFEQ, IFNE, IFLT, IFGE, IFGT, IFLE, IFNULL, IFNONNULL -> -1;
      default -> -2; // IF_ICMPxx, IF_ACMPxx
    };
  }

  static int ofLdc(Object value) {
    return value instanceof Long || value instanceof Double ? 2 : 1;
  }
}
