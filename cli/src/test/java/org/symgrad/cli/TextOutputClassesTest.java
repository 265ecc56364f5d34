package org.symgrad.cli;

import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands' text output does not make an ObjectMapper: {@code JsonNode.toString} does, and
 * that loaded some 400 classes the class-data archive did not hold, a quarter of a second
 * added to a {@code grad} or the README's first {@code fit}, which print text. Each command
 * runs in a child JVM that logs the classes it loads. ({@code eval} and {@code predict} read
 * their {@code --init} file with one, so the class-data archive's training run holds it.)
 */
class TextOutputClassesTest {
  private static final String MAPPER = "com.fasterxml.jackson.databind.ObjectMapper ";
  private static final String MODEL = "../samples/thermometer/thermometer.sg";

  @TempDir
  Path folder;

  @ParameterizedTest
  @ValueSource(strings = {
      "grad|w*x+b|--at|w=1,x=2,b=0|--hessian",
      "fit|" + MODEL + "|--epochs|3",
      "fit|../samples/thermometer/thermometer_raw.sg|--optimizer|lm",
      "check|" + MODEL})
  void printsTextWithoutAnObjectMapper(String arguments) throws Exception {
    Path log = folder.resolve("classes.log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(arguments.split("\\|")));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(folder.resolve("out.txt").toFile()).start();
    assertWithMessage("the child JVM ends").that(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(folder.resolve("out.txt"));
    assertWithMessage(out).that(process.exitValue()).isEqualTo(0);
    assertWithMessage("%s loads an ObjectMapper", arguments)
        .that(Files.readString(log).contains(MAPPER)).isFalse();
  }
}
