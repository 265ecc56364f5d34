package org.symgrad.compiler.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.symgrad.compiler.processor.ProcessorRun.compile;
import static org.symgrad.compiler.processor.ProcessorRun.source;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A bad model is a compile error on the annotation value at fault, at that value's line and
 * column, with the parser's code, the column inside the expression and a caret; and nothing
 * the processor throws reaches javac.
 */
class ProcessorErrorsTest {

  // The model's line 7, its value's string literal at column 13.
  private static JavaFileObject thermometer(String model, String... params) {
    return source("org.example.Thermometer",
        "package org.example;",
        "import org.symgrad.runtime.annotation.SymbolicModel;",
        "@SymbolicModel(",
        "    inputs = \"t_u\",",
        "    target = \"t_c\",",
        "    params = {" + quoted(params) + "},",
        "    model = " + quoted(model) + ")",
        "interface Thermometer {}");
  }

  @Test
  void unknownFunctionInTheModelIsReportedOnTheModelValueWithCodeColumnAndCaret() {
    JavaFileObject file = thermometer("w * sinh2(t_u) + b", "w", "b");
    Compilation compilation = compile(file);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    // javac indents the message's later lines by two more than the processor writes them.
    assertThat(compilation).hadErrorContaining("""
        [SG103] unknown function 'sinh2' (model, column 5)
            w * sinh2(t_u) + b
                ^^^^^
            did you mean 'sinh'? known functions: abs, acos""").inFile(file)
        .onLine(7).atColumn(13);
  }

  @Test
  void errorInAnArrayItemIsReportedOnThatItem() {
    // params[1]'s literal starts at column 20 of line 6: `    params = {"w", "b = 1 +"},`
    JavaFileObject file = thermometer("w * t_u + b", "w", "b = 1 +");
    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("(params[1], column ")
        .inFile(file).onLine(6).atColumn(20);
    assertThat(compilation).hadErrorContaining("[SG102]");
  }

  @Test
  void unknownNameListsTheDeclaredOnes() {
    JavaFileObject file = thermometer("w * t_v + b", "w", "b");
    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("""
        [SG204] unknown name 't_v' (model, column 5)
            w * t_v + b
                ^^^
            did you mean 't_u'? declared names: b, t_u, w""").inFile(file).onLine(7).atColumn(13);
  }

  // The annotation has no lines of a model file: the hint names the value instead.
  @Test
  void aDuplicateNamesTheValueThatDeclaredItFirst() {
    JavaFileObject file = thermometer("w * t_u + b", "w = 1", "b", "w = 2");
    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("""
        [SG201] duplicate param 'w' (params[2], column 1)
            w = 2
            ^
            'w' is first declared in params[0]""").inFile(file).onLine(6);
  }

  @Test
  void everyErrorOfTheModelIsReported() {
    JavaFileObject file = source("org.example.Thermometer",
        "package org.example;",
        "@org.symgrad.runtime.annotation.SymbolicModel(",
        "    inputs = \"t_u\", target = \"t_c\",",
        "    params = {\"w\", \"b = 1e999\"},",
        "    model = \"w * foo(t_u) + b\",",
        "    loss = \"mse2\")",
        "interface Thermometer {}");
    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("[SG108] number out of range: '1e999' "
        + "(params[1], column 5)").inFile(file).onLine(4).atColumn(20);
    assertThat(compilation).hadErrorContaining("[SG103] unknown function 'foo' "
        + "(model, column 5)").inFile(file).onLine(5).atColumn(13);
    assertThat(compilation).hadErrorContaining("[SG215] unknown loss 'mse2' (loss, column 1)")
        .inFile(file).onLine(6).atColumn(12);
  }

  @Test
  void missingElementsAreNamedInAnnotationTerms() {
    JavaFileObject file = source("org.example.Empty",
        "package org.example;",
        "@org.symgrad.runtime.annotation.SymbolicModel(inputs = \"x\")",
        "class Empty {}");
    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("[SG600] no target: name the data column")
        .inFile(file).onLine(2).atColumn(1);
    assertThat(compilation).hadErrorContaining("[SG600] no params");
    assertThat(compilation).hadErrorContaining("[SG600] no model");
  }

  @Test
  void sourceTogetherWithInlineElementsIsRefusedOnEachInlineElement() {
    JavaFileObject file = source("org.example.Both",
        "package org.example;",
        "@org.symgrad.runtime.annotation.SymbolicModel(source = \"both.sg\",",
        "    model = \"w * x\")",
        "class Both {}");
    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[SG600] model is set together with source")
        .inFile(file).onLine(3).atColumn(13);
  }

  @Test
  void aValueThatWouldNotStayOneLineIsRefused() {
    JavaFileObject file = thermometer("w * t_u + b # plus noise", "w", "b");
    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(
        "[SG601] model holds a '#' at column 13; each value is one line of a model file")
        .inFile(file).onLine(7).atColumn(13);
    assertThat(compile(thermometer("w * t_u\n+ b", "w", "b")))
        .hadErrorContaining("[SG601] model holds a line break at column 8");
  }

  @Test
  void anExceptionInsideTheProcessorBecomesAnErrorOnTheTypeAndTheOthersGoOn() {
    JavaFileObject broken = source("org.example.Broken",
        "package org.example;",
        "@org.symgrad.runtime.annotation.SymbolicModel(target = \"y\", params = \"c\",",
        "    model = \"c\")",
        "class Broken {}");
    List<String> generated = new ArrayList<>();
    SymgradProcessor failing = new SymgradProcessor((environment, type) -> {
      if (type.getSimpleName().contentEquals("Broken")) {
        throw new IllegalStateException("boom");
      }
      new ModelGenerator(environment, new java.util.HashMap<>()).generate(type);
      generated.add(type.getSimpleName().toString());
    });

    Compilation compilation = ProcessorRun.compile(failing, List.of(), broken,
        ProcessorOutputTest.THERMOMETER);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[SG699] symgrad's annotation processor failed "
        + "on org.example.Broken: java.lang.IllegalStateException: boom")
        .inFile(broken).onLine(4).atColumn(1);
    assertThat(generated).containsExactly("Thermometer");
    assertThat(compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(null)).toList().toString()).doesNotContain("\tat com.sun");
  }

  private static String quoted(String... values) {
    StringBuilder text = new StringBuilder();
    for (String value : values) {
      text.append(text.length() == 0 ? "" : ", ").append('"')
          .append(value.replace("\n", "\\n")).append('"');
    }
    return text.toString();
  }
}
