package org.symgrad.compiler.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Everything a class file's code can reach: each method and field it refers to, as {@code
 * owner.name}, each type it creates, casts to or loads as a constant, and any dynamic call
 * site. What the JVM lets a class do beyond arithmetic on its own locals goes through one of
 * these. (String constants are left out: they are data, and reach nothing by themselves.)
 */
final class References {
  private References() {}

  /** The references made by the code in {@code classFile}, sorted. */
  static Set<String> of(byte[] classFile) {
    Set<String> found = new TreeSet<>();
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor,
          String signature, String[] exceptions) {
        return new MethodVisitor(Opcodes.ASM9) {
          @Override
          public void visitMethodInsn(int opcode, String owner, String method, String desc,
              boolean isInterface) {
            found.add(owner + "." + method);
          }

          @Override
          public void visitFieldInsn(int opcode, String owner, String field, String desc) {
            found.add(owner + "." + field);
          }

          @Override
          public void visitTypeInsn(int opcode, String type) {
            found.add("type " + type);
          }

          @Override
          public void visitLdcInsn(Object value) {
            if (value instanceof Type || value instanceof Handle) { // strings are only data
              found.add("constant " + value);
            }
          }

          @Override
          public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap,
              Object... arguments) {
            found.add("invokedynamic " + bootstrap.getOwner() + "." + bootstrap.getName());
          }
        };
      }
    }, 0);
    return found;
  }

  /** The class file javac wrote for {@code name}, from the in-memory compiler's loader. */
  static byte[] classFile(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new AssertionError("no class file for " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
