package org.symgrad.cli.reliability;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.symgrad.cli.Main;

/** One run of the {@code symgrad} command in this JVM: exit code, standard output and error. */
record Cli(int exitCode, String out, String err) {

  /** A run with an empty standard input, so that nothing ever waits for the test's own. */
  static Cli run(String... args) {
    return withInput(new byte[0], args);
  }

  private static Cli runHere(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(code, out.toString(), err.toString());
  }

  /** A run whose standard input is {@code input}. */
  static synchronized Cli withInput(byte[] input, String... args) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(input));
    try {
      return runHere(args);
    } finally {
      System.setIn(original);
    }
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  /** Exit code 0 or 2, and nothing on standard error that only a developer should see. */
  Cli assertDoneOrBadInput(String context) {
    assertWithMessage("exit code of %s; stderr:\n%s", context, err)
        .that(exitCode).isAnyOf(0, 2);
    assertNoStackTrace(context);
    return this;
  }

  Cli assertNoStackTrace(String context) {
    for (String stream : List.of(out, err)) {
      assertWithMessage("output of %s", context).that(stream).doesNotContain("\tat ");
      assertWithMessage("output of %s", context).that(stream).doesNotContain("Exception");
      assertWithMessage("output of %s", context).that(stream).doesNotContain("internal error");
    }
    return this;
  }
}
