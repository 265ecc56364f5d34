package org.symgrad.compiler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java source held in strings with the JDK's own javac, in this process, and loads
 * the classes it makes; nothing touches the disk. The class path is the test's, so generated
 * code sees symgrad's runtime, and the loader's parent is the test's loader, so a loaded
 * model is a {@code CompiledModel} of the same {@code Class} the test holds.
 *
 * <p>Warnings fail the compilation ({@code -Xlint:all -Werror}): generated code must be
 * clean.
 */
public final class InMemoryJavaCompiler {
  private static final List<String> OPTIONS =
      List.of("-Xlint:all", "-Werror", "-proc:none", "-g", "--release", "17");
  // javac's "using incubating module(s)", which every compilation with one prints.
  private static final String INCUBATING = "compiler.warn.incubating.modules";

  private InMemoryJavaCompiler() {}

  /** Compiles {@code source}, the class {@code qualifiedName}, and loads that class. */
  public static Class<?> compile(String qualifiedName, String source) {
    return load(compileAll(Map.of(qualifiedName, source)), qualifiedName);
  }

  /**
   * Compiles the sources (qualified class name to text) in one javac run, which is much faster
   * than one run each, and returns a loader for the classes.
   *
   * @throws AssertionError with javac's messages when any source does not compile cleanly
   */
  public static ClassLoader compileAll(Map<String, String> sources) {
    return compileAll(sources, false);
  }

  /**
   * The same, with {@code --add-modules jdk.incubator.vector} when {@code vectorModule}, for
   * vector kernels. javac then always warns that an incubating module is in use, which no
   * option silences: that one warning is let through, without {@code -Werror}, and any other
   * still fails.
   */
  public static ClassLoader compileAll(Map<String, String> sources, boolean vectorModule) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run the tests on a JDK");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        null);
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, text) -> units.add(new Source(name, text)));
    List<String> options = new ArrayList<>(OPTIONS);
    if (vectorModule) {
      options.remove("-Werror");
      options.addAll(List.of("--add-modules", "jdk.incubator.vector"));
    }
    options.add("-classpath");
    options.add(testClassPath());
    boolean ok = javac.getTask(null, new ClassesInMemory(standard, classes), diagnostics,
        options, null, units).call();
    List<Diagnostic<? extends JavaFileObject>> problems = diagnostics.getDiagnostics().stream()
        .filter(d -> !INCUBATING.equals(d.getCode()))
        .toList();
    if (!ok || !problems.isEmpty()) {
      StringBuilder message = new StringBuilder("javac failed:\n");
      for (Diagnostic<? extends JavaFileObject> d : problems) {
        message.append(d.getSource() == null ? "" : d.getSource().getName())
            .append(':').append(d.getLineNumber()).append(": ")
            .append(d.getMessage(Locale.ROOT)).append('\n');
      }
      throw new AssertionError(message);
    }
    return new Loader(classes);
  }

  /** The class {@code name} from {@code loader}, wrapping the checked exception. */
  public static Class<?> load(ClassLoader loader, String name) {
    try {
      return loader.loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("javac made no class " + name, e);
    }
  }

  // Surefire may run tests through a manifest-only jar; it names the real path separately.
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire : System.getProperty("java.class.path", "");
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String qualifiedName, String text) {
      super(URI.create("string:///" + qualifiedName.replace('.', '/') + Kind.SOURCE.extension),
          Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  private static final class ClassesInMemory
      extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Map<String, ByteArrayOutputStream> classes;

    ClassesInMemory(StandardJavaFileManager standard, Map<String, ByteArrayOutputStream> classes) {
      super(standard);
      this.classes = classes;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className,
        JavaFileObject.Kind kind, FileObject sibling) {
      return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/')
          + kind.extension), kind) {
        @Override
        public OutputStream openOutputStream() {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          classes.put(className, bytes);
          return bytes;
        }
      };
    }
  }

  private static final class Loader extends ClassLoader {
    private final Map<String, ByteArrayOutputStream> classes;

    Loader(Map<String, ByteArrayOutputStream> classes) {
      super(InMemoryJavaCompiler.class.getClassLoader());
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      ByteArrayOutputStream bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      byte[] code = bytes.toByteArray();
      return defineClass(name, code, 0, code.length);
    }

    // So tests can read what javac wrote: getResourceAsStream("p/C.class").
    @Override
    public InputStream getResourceAsStream(String name) {
      String className = name.endsWith(".class")
          ? name.substring(0, name.length() - ".class".length()).replace('/', '.') : null;
      ByteArrayOutputStream bytes = className == null ? null : classes.get(className);
      return bytes != null ? new ByteArrayInputStream(bytes.toByteArray())
          : super.getResourceAsStream(name);
    }
  }
}
