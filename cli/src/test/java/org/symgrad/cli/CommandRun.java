package org.symgrad.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One run of the {@code symgrad} command in this JVM: exit code, standard output and error. */
record CommandRun(int exitCode, String out, String err) {

  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CommandRun(code, out.toString(), err.toString());
  }

  /** A run whose standard input is {@code input}. */
  static synchronized CommandRun withInput(String input, String... args) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return of(args);
    } finally {
      System.setIn(original);
    }
  }

  /** The train_loss of a fit --json run. */
  double jsonLoss() {
    try {
      return Json.mapper().readTree(lastOutLine()).get("train_loss").asDouble();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  String lastOutLine() {
    List<String> lines = outLines();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }
}
