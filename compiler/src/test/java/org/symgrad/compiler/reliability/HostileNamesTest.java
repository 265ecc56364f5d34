package org.symgrad.compiler.reliability;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.emit.SourceEmitter;
import org.symgrad.compiler.lower.Program;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.parse.ModelParser;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;

/**
 * Models whose names are legal in the grammar but mean something in Java ({@code System},
 * {@code exit}, {@code class}, {@code Math}, the generated methods' own {@code params} and
 * {@code t3}) and whose file names are hostile: both emitters' classes can only do
 * arithmetic. The generated source compiles without a warning and gives the bytecode's bits,
 * and the code of either class refers to nothing but {@code Math}, the runtime's {@code
 * Functions}, {@code Batch}, the checks of {@code Kernels} and, in the source's constant {@code
 * ModelInfo}, the runtime's description types: never to a class a name spells.
 */
class HostileNamesTest {
  /** Identifiers the grammar allows, chosen to collide with Java and with generated code. */
  static final List<String> NAMES = List.of("System", "Runtime", "exit", "java", "javax",
      "class", "int", "double", "Math", "Functions", "Kernels", "Double", "String", "Object", "Class",
      "Thread", "ProcessBuilder", "exec", "getClass", "forName", "INFO", "info", "params",
      "batch", "grad", "out", "inputs", "rows", "row", "t0", "t1", "t3", "var", "yield",
      "record", "this", "super", "null", "true", "new", "return", "_", "__", "goto", "const",
      "enum", "assert", "native", "org", "symgrad", "ModelInfo", "Batch", "List",
      "ParameterInfo", "Initializer", "Override", "Generated", "CompiledModel", "lossSum",
      "dLoss_dSystemSum", "Symgrad_Hostile", "main", "clinit", "init", "lambda", "Math_");

  /** What the bytecode emitter's class may refer to, besides its own field. */
  private static final List<String> BYTECODE_REACH = List.of("java/lang/Math.",
      "org/symgrad/runtime/Functions.", "java/lang/Object.<init>",
      "org/symgrad/runtime/Batch.size", "org/symgrad/runtime/Batch.column",
      "org/symgrad/runtime/Kernels.check");
  /** What the generated source's class may refer to, besides its own members. */
  private static final List<String> SOURCE_REACH = List.of("java/lang/Math.",
      "org/symgrad/runtime/Functions.", "org/symgrad/runtime/Batch.",
      "org/symgrad/runtime/Kernels.check", "org/symgrad/runtime/ModelInfo.", "org/symgrad/runtime/ParameterInfo.",
      "org/symgrad/runtime/Initializer$", "java/util/List.of", "java/lang/Object.<init>",
      "java/lang/Double.longBitsToDouble", "type org/symgrad/runtime/");

  @Test
  void hostileButLegalNamesReachNothingButArithmetic() {
    Random random = new Random(9);
    Map<String, Program> programs = new LinkedHashMap<>();
    Map<String, ModelDefinition> definitions = new LinkedHashMap<>();
    List<String> shuffled = new ArrayList<>(NAMES);
    for (int i = 0; i < 30; i++) {
      Collections.shuffle(shuffled, random);
      String text = i % 2 == 0 ? handWritten(shuffled.subList(0, 7))
          : ModelRecipe.random(random, shuffled.subList(0, 6),
              ExpressionRecipe.Constants.MODERATE, 8).text();
      String className = "Symgrad_Hostile" + i;
      ModelDefinition definition = ModelParser.parse(text, shuffled.get(7) + ".sg");
      definitions.put(className, definition);
      programs.put(className, Symgrad.lower(definition));
    }
    EmittedClasses.Compiled sources = EmittedClasses.compileSources(programs);
    for (String className : programs.keySet()) {
      ModelDefinition definition = definitions.get(className);
      String context = definition.source() + ":\n" + definition.modelText();
      byte[] bytecode = EmittedClasses.verifiedBytecode(programs.get(className), context);
      assertReachesOnlyArithmetic(bytecode, sources.classFile(className), context);
      CompiledModel compiled = Symgrad.compile(definition);
      for (int trial = 0; trial < 5; trial++) {
        EmittedClasses.assertSameBits(compiled, sources.models().get(className),
            ModelRecipe.params(random), ModelRecipe.batch(random, 1 + trial), 2, context);
      }
    }
  }

  /**
   * File names become the model's name, a class name, a {@code SourceFile} attribute and a
   * comment: none of them may turn into code. A Java compiler reads a backslash-u escape of a
   * line break as a line break even inside a comment, and a carriage return ends a comment
   * too.
   */
  @Test
  void hostileFileNamesStayInComments() {
    List<String> fileNames = List.of("a\\u000aclass Injected {}\\u000a//.sg",
        "b\rclass Injected {}\r//.sg", "c\nclass Injected {}\n//.sg",
        "d\\u000d\\u000aclass Injected {}//.sg", "e\\\\u000aclass Injected {}//.sg",
        "System.exit(0);.sg", "\"; Runtime.getRuntime().exec(\\\"x\\\"); \".sg",
        "*/ class Injected { /*.sg", "\u0000\u0007\u001b[31m.sg", "\ud83d.sg", ".sg", "..sg",
        "1.sg", "-.sg");
    Map<String, Program> programs = new LinkedHashMap<>();
    Map<String, ModelDefinition> definitions = new LinkedHashMap<>();
    for (int i = 0; i < fileNames.size(); i++) {
      ModelDefinition definition = ModelParser.parse(handWritten(NAMES.subList(i, i + 7)),
          fileNames.get(i));
      String className = "Symgrad_FileName" + i;
      definitions.put(className, definition);
      programs.put(className, Symgrad.lower(definition));
    }
    EmittedClasses.Compiled sources = EmittedClasses.compileSources(programs);
    Random random = new Random(5);
    for (String className : programs.keySet()) {
      ModelDefinition definition = definitions.get(className);
      String context = "file name " + definition.source();
      assertReachesOnlyArithmetic(EmittedClasses.verifiedBytecode(programs.get(className),
          context), sources.classFile(className), context);
      EmittedClasses.assertSameBits(Symgrad.compile(definition),
          sources.models().get(className), ModelRecipe.params(random),
          ModelRecipe.batch(random, 3), 2, context);
      // The conventional class name is a plain identifier too.
      assertThat(SourceEmitter.className(definition.name())).matches("Symgrad_[A-Za-z0-9]*");
    }
  }

  private static void assertReachesOnlyArithmetic(byte[] bytecode, byte[] javacClass,
      String context) {
    assertWithMessage("what the bytecode of %s refers to beyond arithmetic", context)
        .that(beyond(References.of(bytecode), EmittedClasses.BYTECODE_NAME + ".info",
            BYTECODE_REACH))
        .isEmpty();
    assertWithMessage("what the generated source of %s refers to beyond arithmetic", context)
        .that(beyond(References.of(javacClass),
            EmittedClasses.PACKAGE.replace('.', '/') + "/", SOURCE_REACH))
        .isEmpty();
  }

  // The references that are not to the class itself, nor begin with an allowed prefix.
  private static Set<String> beyond(Set<String> references, String own, List<String> allowed) {
    Set<String> rest = new TreeSet<>();
    for (String reference : references) {
      if (!reference.startsWith(own) && allowed.stream().noneMatch(reference::startsWith)) {
        rest.add(reference);
      }
    }
    return rest;
  }

  /** A model using seven names: inputs, target, parameters and a let. */
  static String handWritten(List<String> n) {
    return "input " + n.get(0) + "\ninput " + n.get(1) + "\ntarget " + n.get(2)
        + "\nparam " + n.get(3) + " = 0.5\nparam " + n.get(4) + " = -1\nparam " + n.get(5)
        + " = uniform(-1, 1)\nlet " + n.get(6) + " = " + n.get(3) + " * " + n.get(0) + " + "
        + n.get(4) + "\nmodel " + n.get(6) + " * sin(" + n.get(1) + ") + " + n.get(5) + " * "
        + n.get(6) + " / (1 + " + n.get(6) + "^2)\nloss huber(0.5)\npenalty 0.01 * " + n.get(3)
        + "^2\n";
  }
}
