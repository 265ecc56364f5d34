package org.symgrad.compiler.lower;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.SecondOrderKernel;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.emit.BytecodeEmitter;
import org.symgrad.compiler.emit.ClassFileCode;
import org.symgrad.compiler.model.ModelDefinition;

/**
 * A kernel keeps its scalar row loop when its vector loop would pass the size HotSpot compiles
 * (it would run interpreted, Thurber's normal equations 40 times slower than scalar): {@link
 * CodeSize#vectorised} bounds what the bytecode emitter writes for every kernel that could be
 * written in lanes, the NIST models' second-order kernels and gradients and the samples'.
 */
class VectorCodeSizeTest {
  private static final String METHOD = "x/Probe";

  @Test
  void theBoundHoldsForEveryKernelWrittenInLanes() throws IOException {
    int checked = 0;
    int refused = 0;
    for (Program program : programs()) {
      for (Kernel kernel : program.kernels()) {
        if (!Vectorisable.writtenInLanes(kernel)) {
          continue;
        }
        int length = vectorLength(program, kernel);
        assertWithMessage("%s %s", program.info().name(), kernel.kind())
            .that(length).isAtMost(CodeSize.vectorised(kernel));
        checked++;
        if (!Vectorisable.qualifies(kernel)) {
          refused++;
        } else {
          assertThat(length).isLessThan(8000);
        }
        if (length < 5000) { // far enough below the limit that refusing it would cost speed
          assertWithMessage("%s %s", program.info().name(), kernel.kind())
              .that(Vectorisable.qualifies(kernel)).isTrue();
        }
      }
    }
    assertThat(checked).isGreaterThan(50);
    assertThat(refused).isGreaterThan(0); // Thurber's normal equations among them
  }

  @Test
  void thurbersNormalEquationsStayScalar() throws IOException {
    Program program = Symgrad.lowerSecondOrder(nist("Thurber"),
        SecondOrderKernel.NORMAL_EQUATIONS);
    Kernel sums = program.sums();
    assertThat(Vectorisable.writtenInLanes(sums)).isTrue();
    assertThat(vectorLength(program, sums)).isGreaterThan(8000); // what it would have been
    assertThat(Vectorisable.apply(program, true).sums().vectorised()).isFalse();
    // Its sum of squares is small, and still vectorised.
    Program small = Symgrad.lowerSecondOrder(nist("Thurber"), SecondOrderKernel.SUM_OF_SQUARES);
    assertThat(Vectorisable.apply(small, true).sums().vectorised()).isTrue();
  }

  /** The code length of {@code kernel}'s method in {@code program}, vectorised regardless. */
  private static int vectorLength(Program program, Kernel kernel) {
    Kernel forced = kernel.withVectorised(true);
    Program only = new Program(program.info(), program.source(), program.predict(),
        program.loss() == kernel ? forced : program.loss(),
        program.lossAndGradient() == kernel ? forced : program.lossAndGradient(),
        program.derivatives(), program.sums() == kernel ? forced : program.sums(),
        program.finish(), program.sumCount(),
        program.lossSums() == kernel ? forced : program.lossSums());
    Map<String, Integer> lengths = ClassFileCode.codeLengths(BytecodeEmitter.emit(only, METHOD));
    String name = switch (kernel.kind()) {
      case LOSS -> "loss(";
      case LOSS_AND_GRADIENT -> "lossAndGradient(";
      case SUMS -> "sums(";
      case LOSS_SUMS -> "lossSums(";
      default -> throw new IllegalArgumentException(kernel.kind().toString());
    };
    return lengths.entrySet().stream().filter(e -> e.getKey().startsWith(name))
        .mapToInt(Map.Entry::getValue).findFirst().orElseThrow();
  }

  private static List<Program> programs() throws IOException {
    List<Program> programs = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/nist"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sg")).sorted().toList()) {
        ModelDefinition model = Symgrad.parseFile(file);
        programs.add(Symgrad.lower(model));
        for (SecondOrderKernel kind : List.of(SecondOrderKernel.NORMAL_EQUATIONS,
            SecondOrderKernel.SUM_OF_SQUARES, SecondOrderKernel.NEWTON,
            SecondOrderKernel.OBJECTIVE, SecondOrderKernel.GEODESIC)) {
          programs.add(Symgrad.lowerSecondOrder(model, kind));
        }
      }
    }
    try (Stream<Path> files = Files.walk(Path.of("../samples"), 2)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sg")).sorted().toList()) {
        programs.add(Symgrad.lower(Symgrad.parseFile(file)));
      }
    }
    return programs;
  }

  private static ModelDefinition nist(String name) {
    return Symgrad.parseFile(Path.of("src/test/resources/nist/" + name + ".sg"));
  }
}
