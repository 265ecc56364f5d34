package org.symgrad.compiler.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/**
 * Compiles sources with javac and symgrad's processor, as a build would, with the test's class
 * path (so the sources see the annotation and the generated code sees the runtime), and loads
 * the classes it made.
 */
final class ProcessorRun {
  private ProcessorRun() {}

  /** {@code lines} as the source of {@code qualifiedName}. */
  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(new SymgradProcessor(), List.of(), sources);
  }

  /** With {@code extraClassPath} ahead of the test's, for model files found there. */
  static Compilation compile(Processor processor, List<File> extraClassPath,
      JavaFileObject... sources) {
    List<File> classPath = new ArrayList<>(extraClassPath);
    for (String entry : testClassPath().split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        classPath.add(new File(entry));
      }
    }
    return javac()
        .withProcessors(processor)
        // As the project builds: -processing would only warn about annotations no processor
        // claims.
        .withOptions("-Xlint:all,-processing", "--release", "17")
        .withClasspath(classPath)
        .compile(sources);
  }

  /** The classes javac wrote, loaded by a loader whose parent is the test's. */
  static ClassLoader classes(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String path = file.toUri().getPath();
        String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
            path.length() - ".class".length()).replace('/', '.');
        classes.put(name, read(file));
      }
    }
    return new ClassLoader(ProcessorRun.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
  }

  private static byte[] read(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Surefire may run tests through a manifest-only jar; it names the real path separately.
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire : System.getProperty("java.class.path", "");
  }
}
