package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symgrad.compiler.Symgrad;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.runtime.Batch;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.Dataset;

/**
 * The model compiled while the command line is built is the one the command would have
 * compiled, taken only for the file it was started for, and only once; a file that does not
 * parse is reported by the main thread exactly as without it.
 */
class EarlyCompileTest {
  private static final String LINE = "input x\ntarget y\nparam w = 2.0\nparam b = 0.5\n"
      + "model w * x + b\n";

  @TempDir
  Path folder;

  @Test
  void theEarlyModelIsTakenForItsFileAndComputesWhatACompileDoes() throws Exception {
    Path file = write("line.sg", LINE);
    EarlyCompile.start(new String[] {"fit", file.toString(), "--json"});
    assertThat(EarlyCompile.waiting()).isEqualTo(file);

    ModelDefinition definition = ModelFiles.model(file);
    CompiledModel early = EarlyCompile.compile(definition);

    assertThat(EarlyCompile.waiting()).isNull();
    CompiledModel fresh = Symgrad.compile(Symgrad.parseFile(file));
    assertThat(early.info()).isEqualTo(fresh.info());
    Batch batch = new Dataset(List.of("x", "y"),
        new double[][] {{1, 2, 3}, {2, 5, 4}}).batchFor(early.info(), true);
    double[] at = {1.5, -0.25};
    double[] earlyGradient = new double[2];
    double[] freshGradient = new double[2];
    assertThat(early.lossAndGradient(at, batch, earlyGradient))
        .isEqualTo(fresh.lossAndGradient(at, batch, freshGradient));
    assertThat(earlyGradient).isEqualTo(freshGradient);
  }

  @Test
  void anotherFileIsParsedAfreshAndTheEarlyWorkIsDropped() throws Exception {
    Path started = write("line.sg", LINE);
    Path other = write("other.sg", LINE.replace("w * x + b", "w * x * x + b"));
    EarlyCompile.start(new String[] {"fit", started.toString()});

    ModelDefinition definition = ModelFiles.model(other);

    assertThat(definition.modelText()).isEqualTo("w * x * x + b");
    assertThat(EarlyCompile.waiting()).isNull(); // a later command cannot take it either
    assertThat(EarlyCompile.compile(definition).info().modelText()).isEqualTo("w * x * x + b");
  }

  @Test
  void aModelThatDoesNotParseIsReportedAsWithoutEarlyWork() throws Exception {
    Path file = write("bad.sg", LINE.replace("w * x + b", "w * * x"));
    String expected = assertThrows(SymgradException.class, () -> Symgrad.parseFile(file))
        .getMessage();
    EarlyCompile.start(new String[] {"fit", file.toString()});

    SymgradException error = assertThrows(SymgradException.class, () -> ModelFiles.model(file));

    assertThat(error.getMessage()).isEqualTo(expected);
  }

  @Test
  void nothingStartsForOtherCommandsOrForWhatIsNotAModelFile() throws Exception {
    Path file = write("line.sg", LINE);
    EarlyCompile.start(new String[] {"grad", file.toString()});
    assertThat(EarlyCompile.waiting()).isNull();
    EarlyCompile.start(new String[] {"bench", file.toString()}); // times its own compile
    assertThat(EarlyCompile.waiting()).isNull();
    EarlyCompile.start(new String[] {"fit", "--json", file.toString()});
    assertThat(EarlyCompile.waiting()).isNull();
    EarlyCompile.start(new String[] {"fit", folder.resolve("missing.sg").toString()});
    assertThat(EarlyCompile.waiting()).isNull();
    EarlyCompile.start(new String[] {"fit", folder.toString() + ".sg"});
    assertThat(EarlyCompile.waiting()).isNull();
    EarlyCompile.start(new String[] {"fit"});
    assertThat(EarlyCompile.waiting()).isNull();
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(folder.resolve(name), text);
  }
}
