package org.symgrad.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceClassVisitor;
import org.symgrad.compiler.JavaNames;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.model.ModelDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code symgrad emit}: the Java source symgrad generates for a model, the same the annotation
 * processor writes and the same statements the bytecode runs, or that bytecode itself.
 */
@Command(name = "emit", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Print the Java source symgrad generates for MODEL.sg, or its bytecode.")
final class EmitCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin
  QuietOption quietOption;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL.sg", description = "The model file.")
  Path modelFile;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write DIR/<package folders>/<class>.java (with --bytecode: .class) "
          + "instead of printing, and print the file's path.")
  @Nullable Path out;

  @Option(names = "--package", paramLabel = "NAME", defaultValue = Symgrad.GENERATED_PACKAGE,
      description = "The generated class's package (default: ${DEFAULT-VALUE}; \"\" for "
          + "none).")
  String packageName;

  @Option(names = "--class", paramLabel = "NAME",
      description = "The generated class's name (default: Symgrad_ and the model file's name "
          + "in upper camel case, as Symgrad_Thermometer).")
  @Nullable String className;

  @Option(names = "--bytecode",
      description = "The class file instead of the source: an ASM text listing, or the "
          + ".class file with --out. Its line numbers point into the source.")
  boolean bytecode;

  @Option(names = "--vector",
      description = "Write the summing row loops with the Vector API (jdk.incubator.vector), "
          + "as SYMGRAD_VECTOR=on runs them; the source then needs --add-modules "
          + "jdk.incubator.vector to compile and run.")
  boolean vector;

  @Override
  public Integer call() {
    checkNames();
    ModelDefinition model = ModelFiles.model(modelFile);
    String name = className != null ? className : Symgrad.generatedClassName(model.name());
    PrintWriter stdout = spec.commandLine().getOut();
    if (bytecode) {
      byte[] classFile = Symgrad.emitClass(model, packageName, name, vector);
      if (out == null) {
        stdout.print(listing(classFile));
      } else {
        stdout.println(write(out, name + ".class", classFile));
      }
    } else {
      String source = Symgrad.emitSource(model, packageName, name, vector);
      if (out == null) {
        stdout.print(source);
      } else {
        stdout.println(write(out, name + ".java", source.getBytes(StandardCharsets.UTF_8)));
      }
    }
    return 0;
  }

  private void checkNames() {
    try {
      JavaNames.check(packageName, "--package", className, "--class");
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  // DIR/symgrad/generated/Symgrad_Thermometer.java, folders made as needed; its path, on one
  // line as every message shows a path.
  private String write(Path out, String fileName, byte[] content) {
    Path folder = packageName.isEmpty() ? out : out.resolve(packageName.replace('.', '/'));
    Path file = folder.resolve(fileName);
    org.symgrad.io.OutputFiles.write(file, "--out", content);
    return org.symgrad.io.Quote.path(file);
  }

  private static String listing(byte[] classFile) {
    StringWriter text = new StringWriter();
    new ClassReader(classFile).accept(
        new TraceClassVisitor(null, new Textifier(), new PrintWriter(text)), 0);
    return text.toString();
  }
}
