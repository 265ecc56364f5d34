package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.symgrad.compiler.HandBuiltModels;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.emit.BytecodeEmitter.Part;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.parallel.ChunkedKernels;

/**
 * The hidden classes {@code Symgrad.compile} defines point into the source {@code symgrad
 * emit} prints for the same model: a JVM that shows hidden frames reports the model's frame at
 * the statement that threw, and the dumped class file carries the same debugging information.
 */
class HiddenClassLinesTest {
  private static final String CLASS = "Symgrad_ThermometerNormalized";

  private final ModelDefinition definition = HandBuiltModels.thermometerNormalized();
  private final Program program = Symgrad.lower(definition);
  private final List<String> emitted =
      Symgrad.emitSource(definition, Symgrad.GENERATED_PACKAGE, CLASS).lines().toList();

  @Test
  void withShowHiddenFramesAStackTraceLandsOnTheStatementThatThrew() throws Exception {
    List<String> frames = probe("-XX:+UnlockDiagnosticVMOptions", "-XX:+ShowHiddenFrames");

    assertThat(frames).hasSize(1);
    String[] place = frames.get(0).split(":");
    assertThat(place[0]).isEqualTo(CLASS + ".java");
    assertThat(emitted.get(Integer.parseInt(place[1]) - 1).strip()).isEqualTo("Kernels.checkGrad(grad, 2);");
  }

  @Test
  void lineNumbersCanBeLeftOutForCompileLatency() throws Exception {
    List<String> frames = probe("-XX:+UnlockDiagnosticVMOptions", "-XX:+ShowHiddenFrames",
        "-D" + ModelClassDefiner.LINE_NUMBERS_PROPERTY + "=false");

    assertThat(frames).containsExactly(definition.source() + ":-1");
  }

  @Test
  void withoutTheFlagTheJvmHidesTheModelsFrames() throws Exception {
    assertThat(probe()).isEmpty();
  }

  @Test
  void dumpedClassesAreTheDefinedOnesWithTheirSourceFile(@TempDir Path folder)
      throws IOException {
    String before = System.getProperty(ModelClassDefiner.DUMP_PROPERTY);
    System.setProperty(ModelClassDefiner.DUMP_PROPERTY, folder.toString());
    List<Path> dumpedFirst;
    try {
      // The scalar classes, which classFile(program, part) writes: vectors are the default
      // where the JVM has the module, as this one does.
      CompiledModel model = ModelClassDefiner.define(program,
          org.symgrad.compiler.SystemProperties.emitOptions().withVector(VectorMode.OFF));
      dumpedFirst = dumped(folder);
      // The deferred kernels' class is defined, and dumped, at the first call of one.
      ((ChunkedKernels) model).finish(new double[2], new double[3], 1, new double[2]);
    } finally {
      if (before == null) {
        System.clearProperty(ModelClassDefiner.DUMP_PROPERTY);
      } else {
        System.setProperty(ModelClassDefiner.DUMP_PROPERTY, before);
      }
    }
    assertThat(dumpedFirst).hasSize(1);
    byte[] bytes = Files.readAllBytes(dumpedFirst.get(0));
    assertThat(bytes).isEqualTo(ModelClassDefiner.classFile(program, Part.MODEL));
    List<Path> dumped = new ArrayList<>(dumped(folder));
    dumped.removeAll(dumpedFirst);
    assertThat(dumped).hasSize(1);
    assertThat(Files.readAllBytes(dumped.get(0)))
        .isEqualTo(ModelClassDefiner.classFile(program, Part.DEFERRED));
    // This JVM is not debuggable, so no lines by default: the source is the model's file.
    assertThat(sourceFile(bytes)).isEqualTo(definition.source());
    System.setProperty(ModelClassDefiner.LINE_NUMBERS_PROPERTY, "true");
    try {
      assertThat(sourceFile(ModelClassDefiner.classFile(program,
          org.symgrad.compiler.SystemProperties.emitOptions()))).isEqualTo(CLASS + ".java");
    } finally {
      System.clearProperty(ModelClassDefiner.LINE_NUMBERS_PROPERTY);
    }
  }

  private static List<Path> dumped(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }

  private static String sourceFile(byte[] classFile) {
    String[] source = new String[1];
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public void visitSource(String file, String debug) {
        source[0] = file;
      }
    }, 0);
    return source[0];
  }

  // The frames HiddenFrameProbe prints, run in a JVM with these options.
  private static List<String> probe(String... jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.add("-cp");
    String surefire = System.getProperty("surefire.test.class.path");
    command.add(surefire != null && !surefire.isBlank()
        ? surefire : System.getProperty("java.class.path"));
    command.add(HiddenFrameProbe.class.getName());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).isEqualTo(0);
    return out.lines().toList();
  }
}
