package org.symgrad.maven;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symgrad.compiler.Symgrad;

class ModelSourcesTest {
  private static final String LINE = "input x\ntarget y\nparam w = 1.0\nparam b = 0.0\n"
      + "model w * x + b\nloss mse\n";

  @TempDir
  Path models;

  @TempDir
  Path out;

  private ModelSources.Result generate() throws IOException {
    return new ModelSources(models, out, "symgrad.generated").generate();
  }

  @Test
  void writesWhatEmitWritesWithFoldersAsPackages() throws IOException {
    Files.createDirectories(models.resolve("com/acme"));
    Files.writeString(models.resolve("com/acme/line.sg"), LINE);
    Files.writeString(models.resolve("top.sg"), LINE);

    ModelSources.Result result = generate();

    Path nested = out.resolve("com/acme/Symgrad_Line.java");
    Path top = out.resolve("symgrad/generated/Symgrad_Top.java");
    assertThat(result.errors()).isEmpty();
    assertThat(result.written()).containsExactly(nested, top);
    assertThat(Files.readString(nested)).isEqualTo(Symgrad.emitSource(
        Symgrad.parseFile(models.resolve("com/acme/line.sg")), "com.acme", "Symgrad_Line"));
    assertThat(Files.readString(top)).contains("package symgrad.generated;");
  }

  @Test
  void anUnchangedModelIsNotRewritten() throws IOException {
    Files.writeString(models.resolve("line.sg"), LINE);
    generate();
    Path generated = out.resolve("symgrad/generated/Symgrad_Line.java");
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(generated, old);

    ModelSources.Result again = generate();

    assertThat(again.written()).isEmpty();
    assertThat(again.unchanged()).containsExactly(generated);
    assertThat(Files.getLastModifiedTime(generated)).isEqualTo(old);
  }

  @Test
  void aModelMovedToAnotherPackageLeavesNoEmptyFoldersBehind() throws IOException {
    Files.createDirectories(models.resolve("com/acme"));
    Files.writeString(models.resolve("com/acme/line.sg"), LINE);
    Files.createDirectories(out.resolve("com/keep"));
    Files.writeString(out.resolve("com/keep/Notes.txt"), "a user's file");
    generate();
    Files.createDirectories(models.resolve("org/acme"));
    Files.move(models.resolve("com/acme/line.sg"), models.resolve("org/acme/line.sg"));

    ModelSources.Result again = generate();

    assertThat(again.deleted()).containsExactly(out.resolve("com/acme/Symgrad_Line.java"));
    assertThat(Files.exists(out.resolve("com/acme"))).isFalse();
    assertThat(Files.readString(out.resolve("com/keep/Notes.txt"))).isEqualTo("a user's file");
    assertThat(Files.isDirectory(out)).isTrue();
  }

  @Test
  void aChangedModelIsRewrittenAndARemovedOneDeleted() throws IOException {
    Files.writeString(models.resolve("line.sg"), LINE);
    Files.writeString(models.resolve("gone.sg"), LINE);
    generate();
    Files.writeString(models.resolve("line.sg"), LINE.replace("w * x + b", "w * x * x + b"));
    Files.delete(models.resolve("gone.sg"));

    ModelSources.Result again = generate();

    Path line = out.resolve("symgrad/generated/Symgrad_Line.java");
    assertThat(again.written()).containsExactly(line);
    assertThat(again.deleted()).containsExactly(out.resolve("symgrad/generated/Symgrad_Gone.java"));
    assertThat(Files.readString(line)).contains("w * x * x + b");
  }

  @Test
  void aModelErrorIsReportedAtItsPathLineAndColumn() throws IOException {
    Path bad = models.resolve("bad.sg");
    Files.writeString(bad, LINE.replace("w * x + b", "sinh2(w * x) + b"));
    Files.writeString(models.resolve("good.sg"), LINE);

    ModelSources.Result result = generate();

    assertThat(result.errors()).hasSize(1);
    assertThat(result.errors().get(0)).startsWith(bad + ":5:7: error [SG103] ");
    assertThat(result.errors().get(0)).contains("sinh2");
    assertThat(result.written()).containsExactly(out.resolve("symgrad/generated/Symgrad_Good.java"));
  }

  @Test
  void noModelFolderGeneratesNothing() throws IOException {
    ModelSources.Result result =
        new ModelSources(models.resolve("absent"), out, "symgrad.generated").generate();

    assertThat(result.written()).isEmpty();
    assertThat(result.errors()).isEmpty();
    assertThat(result.warnings()).containsExactly(
        "no model folder " + models.resolve("absent") + ", so no model is generated");
  }

  @Test
  void aModelFolderThatIsAFileIsAnError() throws IOException {
    Path file = models.resolve("line.sg");
    Files.writeString(file, LINE);

    ModelSources.Result result = new ModelSources(file, out, "symgrad.generated").generate();

    assertThat(result.written()).isEmpty();
    assertThat(result.errors()).containsExactly(file + ": error: modelDirectory is not a "
        + "folder; name the folder that holds the .sg files");
  }

  @Test
  void flatModeSendsEveryModelToOnePackageAndSkipsNamedFolders() throws IOException {
    Files.createDirectories(models.resolve("a/target"));
    Files.writeString(models.resolve("a/line.sg"), LINE);
    Files.writeString(models.resolve("a/target/copy.sg"), LINE);

    ModelSources.Result result = new ModelSources(models, out, "symgrad.generated", false,
        java.util.Set.of("target")).generate();

    assertThat(result.written())
        .containsExactly(out.resolve("symgrad/generated/Symgrad_Line.java"));
  }

  @Test
  void filesSymgradDidNotGenerateAreNeitherDeletedNorOverwritten() throws IOException {
    // An output folder pointed at hand-written sources: src/main/java, or a shared src-gen/.
    Path mine = out.resolve("com/acme/Main.java");
    Path clash = out.resolve("com/acme/Symgrad_Line.java");
    Files.createDirectories(mine.getParent());
    Files.writeString(mine, "package com.acme;\nclass Main {}\n");
    Files.writeString(clash, "package com.acme;\nclass Symgrad_Line {} // mine\n");
    Files.createDirectories(models.resolve("com/acme"));
    Path line = models.resolve("com/acme/line.sg");
    Files.writeString(line, LINE);
    Files.writeString(models.resolve("com/acme/top.sg"), LINE);

    ModelSources.Result result = generate();

    assertThat(Files.readString(mine)).isEqualTo("package com.acme;\nclass Main {}\n");
    assertThat(Files.readString(clash)).contains("// mine");
    assertThat(result.deleted()).isEmpty();
    assertThat(result.written()).containsExactly(out.resolve("com/acme/Symgrad_Top.java"));
    assertThat(result.errors()).containsExactly(line + ": error: " + clash + " is not a file "
        + "symgrad generated (it does not start with '// Generated by symgrad'), so it is left "
        + "as it is and this model is not generated over it; move that file, or set "
        + "outputDirectory to a folder of its own");
  }

  @Test
  void aFolderOrPackageNameJavaCannotTakeIsAnErrorNotAFileJavacRefuses() throws IOException {
    Path dashed = models.resolve("my-models/line.sg");
    Path keyword = models.resolve("com/class/line.sg");
    Path top = models.resolve("top.sg");
    for (Path model : java.util.List.of(dashed, keyword, top)) {
      Files.createDirectories(model.getParent());
      Files.writeString(model, LINE);
    }

    ModelSources.Result result =
        new ModelSources(models, out, "foo bar", true, java.util.Set.of()).generate();

    assertThat(result.written()).isEmpty();
    assertThat(result.errors()).containsExactly(
        keyword + ": error: its folder com/class is not a Java package name (each folder a Java "
            + "name, not a keyword: 'my_models', not 'my-models' or 'class'); rename the "
            + "folder, or set foldersArePackages to false, so this model is not generated",
        dashed + ": error: its folder my-models is not a Java package name (each folder a Java "
            + "name, not a keyword: 'my_models', not 'my-models' or 'class'); rename the "
            + "folder, or set foldersArePackages to false, so this model is not generated",
        top + ": error: packageName 'foo bar' is not a Java package name, such as "
            + "org.example.models, so this model is not generated").inOrder();
  }

  @Test
  void twoModelsOfOneClassAreNamedWithTheirPaths() throws IOException {
    Path first = models.resolve("a/line.sg");
    Path second = models.resolve("b/line.sg");
    for (Path model : java.util.List.of(first, second)) {
      Files.createDirectories(model.getParent());
      Files.writeString(model, LINE);
    }

    ModelSources.Result result = new ModelSources(models, out, "symgrad.generated", false,
        java.util.Set.of()).generate();

    assertThat(result.written())
        .containsExactly(out.resolve("symgrad/generated/Symgrad_Line.java"));
    assertThat(result.errors()).containsExactly(second + ": error: " + first
        + " generates Symgrad_Line in package symgrad.generated too; rename one of the two "
        + "models");
  }
}
