package org.symgrad.compiler.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.symgrad.compiler.processor.ProcessorRun.compile;
import static org.symgrad.compiler.processor.ProcessorRun.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** A generated file that cannot be written is an error with the processor's code, not a crash. */
class ProcessorWriteErrorTest {

  @Test
  void aGeneratedClassThatIsAlreadyASourceIsRefusedWithSg603() {
    JavaFileObject model = source("org.example.Line",
        "package org.example;",
        "@org.symgrad.runtime.annotation.SymbolicModel(inputs = \"x\", target = \"y\",",
        "    params = \"c\", model = \"c * x\")",
        "interface Line {}");
    // The class the processor would generate, written by hand: javac's Filer refuses to
    // create a source file for a type that is already one of the compilation's inputs.
    JavaFileObject clash = source("org.example.Symgrad_LineModel",
        "package org.example;",
        "final class Symgrad_LineModel {}");

    Compilation compilation = compile(model, clash);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(
        "[SG603] could not write org.example.Symgrad_LineModel: ");
  }

  @Test
  void twoTypesThatGenerateOneClassAreNamedOnce() {
    JavaFileObject nested = source("org.example.Outer",
        "package org.example;",
        "class Outer {",
        "  @org.symgrad.runtime.annotation.SymbolicModel(inputs = \"x\", target = \"y\",",
        "      params = \"c\", model = \"c * x\")",
        "  interface Inner {}",
        "}");
    JavaFileObject flat = source("org.example.Outer_Inner",
        "package org.example;",
        "@org.symgrad.runtime.annotation.SymbolicModel(inputs = \"x\", target = \"y\",",
        "    params = \"c\", model = \"c * x\")",
        "interface Outer_Inner {}");

    Compilation compilation = compile(nested, flat);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[SG603] org.example.Outer");
    assertThat(compilation).hadErrorContaining(
        "already generates org.example.Symgrad_Outer_Inner and Symgrad_Outer_InnerModel; "
            + "rename one of the two types");
  }
}
