package org.symgrad.compiler.emit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the stack map frames and the maximum stack depth and locals of a generated method as
 * the writers emit it, from what they push and store where, so that ASM need not work them
 * out from a graph of the method's blocks. It can, because the emitters write structured code
 * only: every jump is a loop's test or a forward skip, taken with an empty stack; every slot
 * keeps one type for the whole method; a reference is stored right after the instruction that
 * pushes it.
 *
 * <p>A frame goes at each jump target: for a forward target, the locals as they were at the
 * jumps to it (and where the code falls into it, the types both agree on); for a loop's test,
 * which the loop jumps back to, the locals as they are when the code first reaches it: a
 * loop head's label comes from {@link #loopHead()}. Locals first stored after that point are
 * left out, which the back edge's wider state always satisfies. Anything outside these rules
 * (a backward jump to a label that is not a loop head, a stored reference of unknown type)
 * is an emitter bug and fails here, at emit time, not in the verifier.
 */
final class FrameWriter extends MethodVisitor {
  private static final Object LOOP_HEAD = new Object();
  // The second slot of a double: no type of its own in a frame.
  private static final Object DOUBLE_HIGH = new Object();

  private Object[] locals = new Object[16]; // by slot; null: not (yet) set on every path
  private boolean reachable = true;
  private final Map<Label, Object[]> forward = new HashMap<>();
  private final Set<Label> visited = new HashSet<>();
  private Object @Nullable [] frame; // a frame owed before the next instruction
  private @Nullable Object pushedReference; // the type the last instruction pushed, if any
  private int depth; // of the stack, in slots
  private int maxDepth;
  private int maxLocals;

  /**
   * @param owner the internal name of the class, {@code this}'s type when not {@code static}
   */
  FrameWriter(MethodVisitor code, String owner, int access, String descriptor) {
    super(Opcodes.ASM9, code);
    int slot = 0;
    if ((access & Opcodes.ACC_STATIC) == 0) {
      set(slot++, owner);
    }
    for (Type argument : Type.getArgumentTypes(descriptor)) {
      set(slot, frameType(argument));
      slot += argument.getSize();
    }
  }

  /** The method {@code name} of the class {@code owner} is writing, written through this. */
  static FrameWriter method(ClassWriter writer, String owner, int access, String name,
      String descriptor) {
    return new FrameWriter(writer.visitMethod(access, name, descriptor, null, null), owner,
        access, descriptor);
  }

  /** A label that a loop's last jump goes back to: the code reaches it first from above. */
  static Label loopHead() {
    Label label = new Label();
    label.info = LOOP_HEAD;
    return label;
  }

  @Override
  public void visitLabel(Label label) {
    super.visitLabel(label);
    visited.add(label);
    Object[] jumped = forward.remove(label);
    if (jumped != null) {
      owe(reachable ? agreed(jumped, locals) : jumped);
    } else if (label.info == LOOP_HEAD) {
      check(reachable, "a loop head the code does not fall into");
      owe(locals.clone());
    }
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    flush();
    push(StackEffects.ofJump(opcode));
    check(depth == 0, "a jump with values left on the stack");
    if (visited.contains(label)) {
      check(label.info == LOOP_HEAD, "a backward jump to a label that is not a loop head");
    } else {
      Object[] earlier = forward.get(label);
      forward.put(label, earlier == null ? locals.clone() : agreed(earlier, locals));
    }
    super.visitJumpInsn(opcode, label);
    pushedReference = null;
    if (opcode == Opcodes.GOTO) {
      reachable = false;
    }
  }

  @Override
  public void visitVarInsn(int opcode, int slot) {
    flush();
    switch (opcode) {
      case Opcodes.ISTORE -> set(slot, Opcodes.INTEGER);
      case Opcodes.DSTORE -> set(slot, Opcodes.DOUBLE);
      case Opcodes.ASTORE -> {
        check(pushedReference != null, "a stored reference of unknown type");
        set(slot, pushedReference);
      }
      case Opcodes.ILOAD, Opcodes.DLOAD, Opcodes.ALOAD -> { }
      default -> check(false, "a local of a type the kernels never keep");
    }
    push(StackEffects.ofVar(opcode));
    super.visitVarInsn(opcode, slot);
    pushedReference = opcode == Opcodes.ALOAD ? type(slot) : null;
  }

  @Override
  public void visitInsn(int opcode) {
    flush();
    push(StackEffects.ofInsn(opcode));
    super.visitInsn(opcode);
    pushedReference = null;
    if (opcode == Opcodes.RETURN || opcode == Opcodes.DRETURN || opcode == Opcodes.ATHROW) {
      reachable = false;
    }
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    flush();
    push(StackEffects.ofIntInsn(opcode));
    super.visitIntInsn(opcode, operand);
    pushedReference = opcode == Opcodes.NEWARRAY && operand == Opcodes.T_DOUBLE ? "[D" : null;
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    flush();
    push(StackEffects.ofTypeInsn(opcode));
    super.visitTypeInsn(opcode, type);
    pushedReference = opcode == Opcodes.CHECKCAST ? type : null;
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    flush();
    push(StackEffects.ofField(opcode, descriptor));
    super.visitFieldInsn(opcode, owner, name, descriptor);
    pushedReference = opcode == Opcodes.GETSTATIC || opcode == Opcodes.GETFIELD
        ? referenceOrNull(Type.getType(descriptor)) : null;
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
      boolean isInterface) {
    flush();
    push(StackEffects.ofMethod(opcode, descriptor));
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    pushedReference = referenceOrNull(Type.getReturnType(descriptor));
  }

  @Override
  public void visitLdcInsn(Object value) {
    flush();
    push(StackEffects.ofLdc(value));
    super.visitLdcInsn(value);
    pushedReference = null;
  }

  @Override
  public void visitIincInsn(int slot, int increment) {
    flush();
    super.visitIincInsn(slot, increment);
    pushedReference = null;
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
      Object... arguments) {
    check(false, "invokedynamic, which no kernel uses");
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    check(false, "a switch, which no kernel uses");
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    check(false, "a switch, which no kernel uses");
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
    check(false, "a multidimensional array, which no kernel makes");
  }

  /** Ends the method with the maxima counted here; the arguments are ignored. */
  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    check(frame == null && forward.isEmpty(), "a jump to a label the method never reaches");
    super.visitMaxs(maxDepth, this.maxLocals);
  }

  private void push(int slots) {
    depth += slots;
    check(depth >= 0, "more popped than pushed");
    maxDepth = Math.max(maxDepth, depth);
  }

  // The frame owed at the current offset: two labels there share one, the types they agree on.
  private void owe(Object[] state) {
    frame = frame == null ? state : agreed(frame, state);
    locals = frame.clone();
    reachable = true;
    depth = 0; // every jump leaves the stack empty
  }

  private void flush() {
    check(reachable, "code after a jump that no label makes reachable");
    if (frame == null) {
      return;
    }
    Object[] expanded = new Object[frame.length];
    int count = 0;
    int last = 0; // the frame ends after its last set local
    for (int slot = 0; slot < frame.length; slot++) {
      Object type = frame[slot];
      if (type == DOUBLE_HIGH) {
        continue;
      }
      expanded[count++] = type == null ? Opcodes.TOP : type;
      if (type != null) {
        last = count;
      }
    }
    super.visitFrame(Opcodes.F_NEW, last, Arrays.copyOf(expanded, last), 0, new Object[0]);
    frame = null;
  }

  private void set(int slot, Object type) {
    if (slot + 2 > locals.length) {
      locals = Arrays.copyOf(locals, Math.max(2 * locals.length, slot + 2));
    }
    if (slot > 0 && locals[slot - 1] == Opcodes.DOUBLE) {
      locals[slot - 1] = null; // its high half overwritten
    }
    if (locals[slot] == Opcodes.DOUBLE && slot + 1 < locals.length) {
      locals[slot + 1] = null;
    }
    locals[slot] = type;
    if (type == Opcodes.DOUBLE) {
      locals[slot + 1] = DOUBLE_HIGH;
    }
    maxLocals = Math.max(maxLocals, slot + (type == Opcodes.DOUBLE ? 2 : 1));
  }

  private @Nullable Object type(int slot) {
    return slot < locals.length ? locals[slot] : null;
  }

  // Slot by slot, the type both states hold, else nothing.
  private static Object[] agreed(Object[] a, Object[] b) {
    Object[] both = new Object[Math.max(a.length, b.length)];
    for (int slot = 0; slot < Math.min(a.length, b.length); slot++) {
      both[slot] = a[slot] != null && a[slot].equals(b[slot]) ? a[slot] : null;
    }
    for (int slot = 1; slot < both.length; slot++) { // a double needs both halves
      if (both[slot - 1] == Opcodes.DOUBLE && both[slot] != DOUBLE_HIGH) {
        both[slot - 1] = null;
      }
      if (both[slot] == DOUBLE_HIGH && both[slot - 1] != Opcodes.DOUBLE) {
        both[slot] = null;
      }
    }
    return both;
  }

  private static Object frameType(Type type) {
    return switch (type.getSort()) {
      case Type.INT, Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT -> Opcodes.INTEGER;
      case Type.DOUBLE -> Opcodes.DOUBLE;
      case Type.OBJECT, Type.ARRAY -> type.getInternalName();
      default -> throw new IllegalStateException("emitter bug: an argument of type " + type);
    };
  }

  private static @Nullable Object referenceOrNull(Type type) {
    return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY
        ? type.getInternalName() : null;
  }

  private static void check(boolean holds, String what) {
    if (!holds) {
      throw new IllegalStateException("emitter bug: " + what);
    }
  }
}
