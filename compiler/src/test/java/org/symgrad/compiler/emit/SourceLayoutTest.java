package org.symgrad.compiler.emit;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.RandomModels;
import org.symgrad.compiler.RandomVectorModels;
import org.symgrad.compiler.SecondOrderKernel;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.VectorModels;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.lower.Instr;
import org.symgrad.compiler.lower.InstrType;
import org.symgrad.compiler.lower.Kernel;
import org.symgrad.compiler.lower.KernelLines;
import org.symgrad.compiler.lower.Lowering;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.lower.Vectorisable;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Initializer;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;

/**
 * The source printer honours the layout lowering decides ({@link Kernel#lines()}), which the
 * bytecode's line numbers come from: on the line the layout names for a statement stands that
 * statement, and every statement of a method stands on a line the layout names. On every
 * sample model, on random models over every op, and on random models over arrays lowered with
 * loops, split into helpers and run in blocks, so that every shape of kernel is covered.
 */
class SourceLayoutTest {
  private static final int TINY_METHODS = 300;
  private static final int LOOPS_ALWAYS = 2;
  private static final int LIMIT = 7900;

  /** Which shapes of kernel the programs checked so far had, to show each was covered. */
  private enum Shape { LANES_UNROLLED, LANES_IN_SCRATCH, BLOCKED, SPLIT, SUMMING_LOOP, FINISH }

  private final Set<Shape> seen = EnumSet.noneOf(Shape.class);

  @Test
  void everySampleIsPrintedAsItsLayoutSays() throws IOException {
    List<Path> samples;
    try (Stream<Path> files = Files.walk(Path.of("../samples"))) {
      samples = files.filter(f -> f.toString().endsWith(".sg")).sorted().toList();
    }
    assertThat(samples.size()).isAtLeast(8);
    for (Path sample : samples) {
      ModelDefinition model = Symgrad.parseFile(sample);
      assertHonoured(Symgrad.lower(model), sample.toString());
      assertHonoured(Lowering.lower(model, TINY_METHODS), sample + ", split");
    }
  }

  @Test
  void randomModelsArePrintedAsTheirLayoutsSay() {
    long seed = 0;
    for (Op top : RandomModels.OPS) {
      for (int i = 0; i < 2; i++, seed++) {
        ModelDefinition model = RandomModels.model(seed, top);
        assertHonoured(Symgrad.lower(model), model.modelText());
        assertHonoured(Lowering.lower(model, TINY_METHODS), model.modelText() + ", split");
      }
    }
    for (long s = 0; s < 40; s++) {
      ModelDefinition model = RandomVectorModels.model(s);
      String text = RandomVectorModels.text(s);
      assertHonoured(Lowering.lower(model, LIMIT, LOOPS_ALWAYS), text + "rolled");
      assertHonoured(Lowering.lower(model, TINY_METHODS, LOOPS_ALWAYS), text + "rolled, split");
      assertHonoured(Lowering.lower(model, LIMIT, LOOPS_ALWAYS, false), text + "row by row");
    }
    // Too large to write once per lane: its lanes live in scratch.
    assertHonoured(Symgrad.lower(VectorModels.mlp(40, 20)), "mlp(40, 20)");
    assertThat(seen).containsExactlyElementsIn(EnumSet.allOf(Shape.class));
  }

  @Test
  void vectorisedAndSecondOrderProgramsArePrintedAsTheirLayoutsSay() throws IOException {
    List<Program> programs = new ArrayList<>();
    for (ModelDefinition model : List.of(VectorModels.mlp13(), VectorModels.softmax3(),
        VectorModels.logistic(), VectorModels.linear(12), VectorModels.mlp(40, 20))) {
      programs.add(Vectorisable.apply(Symgrad.lower(model), true));
    }
    for (long s = 0; s < 10; s++) {
      programs.add(Vectorisable.apply(Symgrad.lower(RandomVectorModels.model(s)), true));
    }
    int vectorised = 0;
    for (Program program : programs) {
      boolean some = program.kernels().stream().anyMatch(Kernel::vectorised);
      boolean all = program.kernels().stream().allMatch(Kernel::vectorised);
      vectorised += some && !all ? 1 : 0;
      assertHonoured(program, program.info().name() + ", vectorised");
    }
    assertWithMessage("programs with vector and scalar kernels").that(vectorised).isAtLeast(3);
    for (String sample : List.of("thermometer/thermometer.sg", "decay/decay.sg",
        "thermometer_mlp/thermometer_mlp.sg")) {
      ModelDefinition model = Symgrad.parseFile(Path.of("../samples", sample));
      for (SecondOrderKernel kind : SecondOrderKernel.values()) {
        assertHonoured(Symgrad.lowerSecondOrder(model, kind), sample + ", " + kind);
      }
    }
    ModelDefinition classifier = Symgrad.parseFile(Path.of("../samples/softmax/blobs.sg"));
    assertHonoured(Symgrad.lowerSecondOrder(classifier, SecondOrderKernel.NEWTON), "blobs");
  }

  // The header before the first method: the file comment with outside text, the package or
  // none, the model's text over lines, many parameters, a long class name.
  @Test
  void awkwardHeadersShiftNoMethodFromItsLayout() {
    Program program = Symgrad.lower(VectorModels.mlp(40, 20));
    ModelInfo info = program.info();
    String longName = "a_model_with_a_name_much_longer_than_any_line_of_the_file_".repeat(3);
    List<ParameterInfo> many = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      many.add(ParameterInfo.scalar("p" + i, i, new Initializer.Uniform(-0.5, 0.5)));
    }
    List<ModelInfo> infos = List.of(
        new ModelInfo(longName, "line one\nline two\n  line three\n", "mse\nloss",
            info.parameters(), info.inputColumns(), info.target(), info.outputs()),
        new ModelInfo(info.name(), info.modelText().repeat(40), info.lossText(), many,
            info.inputColumns(), info.target(), info.outputs()),
        new ModelInfo(info.name(), "", "", List.of(), info.inputColumns(), info.target(),
            info.outputs()));
    List<String> sources = List.of("a file\\named\rwith\\u000aescapes and "
        + "x".repeat(300) + ".sg", "", "\n");
    for (ModelInfo changed : infos) {
      for (String source : sources) {
        Program awkward = new Program(changed, source, program.predict(), program.loss(),
            program.lossAndGradient(), program.derivatives(), program.sums(), program.finish(),
            program.sumCount());
        for (String packageName : List.of("org.example", "", "org.symgrad.runtime")) {
          assertHonoured(awkward, packageName, SourceEmitter.className(changed.name()),
              changed.name() + " from " + source + " in " + packageName);
        }
        assertHonoured(awkward, "org.example", "Batch", "a class named as a type it uses");
      }
    }
  }

  @Test
  void aModelTextJoinedFromSeveralLiteralsStaysOnItsLine() {
    assertHonoured(Symgrad.lower(SourceEmitterTest.longModel()), "a model text of 80 009 chars");
  }

  private void assertHonoured(Program program, String context) {
    assertHonoured(program, "org.example", "Laid", context);
  }

  private void assertHonoured(Program program, String packageName, String className,
      String context) {
    SourceEmitter.Result source =
        SourceEmitter.emitWithLines(program, packageName, className);
    assertThat(source.lines()).isEqualTo(SourceLines.of(program, packageName, className));
    List<String> file = source.text().lines().toList();
    for (Kernel kernel : program.kernels()) {
      if (kernel.vectorised()) {
        continue; // its lines are not listed; it comes after every scalar kernel
      }
      note(kernel);
      KernelLines lines = source.lines().kernel(kernel.kind());
      String where = context + ", " + kernel.kind().methodName() + "\n" + source.text();
      List<Integer> named = new ArrayList<>();
      named.addAll(statementsOf(kernel, lines, file, where));
      lines.helpers().forEach(named::addAll);
      lines.inner().forEach(named::addAll);
      named.addAll(lines.lanes());
      assertWithMessage("a line named twice in " + where).that(named).containsNoDuplicates();
      Set<Integer> statements = new TreeSet<>();
      List<Integer> opens = new ArrayList<>(List.of(opening(file, kernel.kind().methodName())));
      for (int i = 0; i < kernel.helpers().size(); i++) {
        opens.add(opening(file, kernel.helperName(i)));
      }
      opens.forEach(open -> statements.addAll(statementLines(file, open)));
      assertWithMessage("the statements of " + where).that(new TreeSet<>(named))
          .containsExactlyElementsIn(statements);
      for (int i = 0; i < kernel.helpers().size(); i++) {
        assertInstructions(kernel.helpers().get(i).code(), lines.helpers().get(i), file, where);
      }
    }
  }

  // The main method's named lines, each checked for what it must hold.
  private static List<Integer> statementsOf(Kernel kernel, KernelLines lines, List<String> file,
      String where) {
    List<Integer> named = new ArrayList<>();
    if (lines.rows() > 0) {
      assertWithMessage(where).that(text(file, lines.rows())).endsWith(".size();");
      named.add(lines.rows());
    }
    assertWithMessage(where).that(lines.checks()).hasSize(kernel.checks().size());
    for (int i = 0; i < kernel.checks().size(); i++) {
      assertWithMessage(where).that(text(file, lines.checks().get(i)))
          .startsWith("Kernels." + kernel.checks().get(i).rule().method() + "(");
      named.add(lines.checks().get(i));
    }
    if (lines.scratch() > 0) {
      assertWithMessage(where).that(text(file, lines.scratch())).endsWith("SCRATCH.get();");
      named.add(lines.scratch());
    }
    lines.columns().forEach((column, line) -> {
      assertWithMessage(where).that(text(file, line)).endsWith(".column(" + column + ");");
      named.add(line);
    });
    for (int line : lines.sums()) {
      assertWithMessage(where).that(text(file, line)).matches(".*( = 0\\.0|fill\\(.*);");
      named.add(line);
    }
    if (lines.loop() > 0) {
      assertWithMessage(where).that(text(file, lines.loop())).startsWith("for (");
      named.add(lines.loop());
    }
    assertInstructions(kernel.prologue(), lines.prologue(), file, where);
    int copies = kernel.unrollsLanes() ? Kernel.LANES + 1 : 1;
    List<Instr> bodies = new ArrayList<>();
    for (int copy = 0; copy < copies; copy++) {
      bodies.addAll(kernel.body());
    }
    assertInstructions(bodies, lines.body(), file, where);
    assertInstructions(kernel.epilogue(), lines.epilogue(), file, where);
    named.addAll(lines.prologue());
    named.addAll(lines.body());
    named.addAll(lines.epilogue());
    return named;
  }

  // Each instruction's line holds a statement of its kind.
  private static void assertInstructions(List<Instr> code, List<Integer> lines,
      List<String> file, String where) {
    assertWithMessage(where).that(lines).hasSize(code.size());
    for (int i = 0; i < code.size(); i++) {
      String text = text(file, lines.get(i));
      String context = code.get(i) + " at line " + lines.get(i) + " of " + where;
      switch (InstrType.of(code.get(i))) {
        case LOAD_PARAM, LOAD_COLUMN, LOAD_ROW_COUNT, LOAD_SUM, COMPUTE, RELOAD, LOAD_PARAM_AT,
            LOAD_COLUMN_AT, LOAD_SUM_AT, LOAD_ROW_SLOT ->
            assertWithMessage(context).that(text).startsWith("double ");
        case ACCUMULATE, ACCUMULATE_AT, ACCUMULATE_ROW_SLOT ->
            assertWithMessage(context).that(text).contains(" += ");
        case STORE_GRADIENT, STORE_SUM, STORE_OUTPUT, SPILL, STORE_GRADIENT_AT, STORE_SUM_AT,
            SET_SUM_AT, STORE_ROW_SLOT ->
            assertWithMessage(context).that(text).containsMatch("^\\w+\\[.*\\] = ");
        case CALL -> assertWithMessage(context).that(text).containsMatch("^\\w+Part\\d+\\(");
        case RETURN -> assertWithMessage(context).that(text).startsWith("return ");
        case LOOP -> assertWithMessage(context).that(text).matches("(for \\(|double .* = -0\\.0;).*");
        case ROW_LOOP -> assertWithMessage(context).that(text).startsWith("for (");
      }
    }
  }

  private void note(Kernel kernel) {
    if (kernel.unrollsLanes()) {
      seen.add(Shape.LANES_UNROLLED);
    }
    if (kernel.lanesInScratch()) {
      seen.add(Shape.LANES_IN_SCRATCH);
    }
    if (kernel.isBlocked()) {
      seen.add(Shape.BLOCKED);
    }
    if (kernel.isSplit()) {
      seen.add(Shape.SPLIT);
    }
    if (kernel.kind() == Kernel.Kind.FINISH) {
      seen.add(Shape.FINISH);
    }
    if (kernel.body().stream().anyMatch(i -> i instanceof Instr.Loop loop && loop.to() != null)) {
      seen.add(Shape.SUMMING_LOOP);
    }
  }

  private static String text(List<String> file, int line) {
    return file.get(line - 1).strip();
  }

  // The 1-based line of the '{' opening method 'name'.
  private static int opening(List<String> file, String name) {
    for (int i = 0; i < file.size(); i++) {
      String line = file.get(i).strip();
      if ((line.startsWith("public ") || line.startsWith("private "))
          && line.contains(" " + name + "(")) {
        while (!file.get(i).endsWith("{")) {
          i++;
        }
        return i + 1;
      }
    }
    throw new AssertionError("no method " + name);
  }

  // The lines of the method opening at 'open' on which a statement starts: not blank, a
  // comment or a brace, nor the continuation of a statement that did not end on its line.
  private static List<Integer> statementLines(List<String> file, int open) {
    List<Integer> starts = new ArrayList<>();
    boolean continued = false;
    for (int i = open; !file.get(i).equals("  }"); i++) {
      String line = file.get(i).strip();
      if (line.isEmpty() || line.startsWith("//") || line.equals("{") || line.equals("}")) {
        continue;
      }
      if (!continued) {
        starts.add(i + 1);
      }
      continued = !(line.endsWith(";") || line.endsWith("{") || line.endsWith("}"));
    }
    return starts;
  }
}
