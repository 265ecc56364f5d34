package org.symgrad.compiler.emit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.symgrad.compiler.lower.Program;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.ModelInfo;

/**
 * Defines emitted model classes as hidden classes of this package: nothing outside symgrad can
 * name them, and each is unloaded once its model is no longer referenced.
 *
 * <p>Set the system property {@value #DUMP_PROPERTY} to a folder to have every class written
 * there as well, for {@code javap -c}.
 */
public final class ModelClassDefiner {
  /** The system property naming the folder to dump emitted classes into. */
  public static final String DUMP_PROPERTY = "symgrad.dumpClasses";

  private static final String PACKAGE = "org/symgrad/compiler/emit/";
  private static final AtomicLong SERIAL = new AtomicLong();

  private ModelClassDefiner() {}

  /** The model {@code program} describes, as a new instance of a new hidden class. */
  public static CompiledModel define(Program program) {
    String internalName = PACKAGE + "Model_" + javaName(program.info().name());
    byte[] bytes = BytecodeEmitter.emit(program, internalName);
    dumpIfAsked(internalName, bytes);
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
      return (CompiledModel) lookup
          .findConstructor(lookup.lookupClass(), MethodType.methodType(void.class, ModelInfo.class))
          .invoke(program.info());
    } catch (Error | RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("could not instantiate the emitted model class", e);
    }
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

  private static void dumpIfAsked(String internalName, byte[] bytes) {
    String folder = System.getProperty(DUMP_PROPERTY);
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
}
