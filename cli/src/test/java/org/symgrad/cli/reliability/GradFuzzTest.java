package org.symgrad.cli.reliability;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@code symgrad grad} with hostile input, as an argument or a line of standard input: it
 * exits 0 or 2, never prints a stack trace, and with {@code -} answers every input line with
 * exactly one line of JSON. Deep expressions, whose derivatives' text grows with the square
 * of their depth or faster, are answered in bounded time and output.
 */
class GradFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PIECES = List.of("(", ")", "x", "y", "-", "^", "*", "/",
      "+", ",", " ", "1e308", "1e309", "1e-400", "0.", ".5", "2", "sin(", "pow(", "max(",
      "abs(", "relu(", "log(", "sqrt(", "\0", "\u0007", "\u007f", "\t", "\u2212", "\u00d7",
      "\uff11", "\u00a0", "\u200b", "\ufeff", "\ud83d\ude00", "\ud83d", "\u202e", "#", "=",
      "[", "]", "System.exit(0)", "\"; Runtime.getRuntime()", "java.lang.Math.exp(x)", "z",
      "\\", "'", "\"", ";", "{", "@", "$", "%n", "%s");

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.of(PIECES).list().ofMaxSize(30).map(list -> String.join("", list));
  }

  @Property(tries = 300)
  void oneExpressionExitsZeroOrTwoWithoutAStackTrace(@ForAll("hostile") String text) {
    net.jqwik.api.Assume.that(!text.equals("-")); // that reads standard input
    Cli run = Cli.run("grad", "--json", "--at", "x=0.5,y=-1.5", "--", text)
        .assertDoneOrBadInput("grad " + text);
    Statistics.collect(run.exitCode() == 0 ? "answered" : "refused");
    if (run.exitCode() == 0) {
      assertThat(run.outLines()).hasSize(1);
    } else {
      assertThat(run.err()).isNotEmpty();
    }
  }

  @Property(tries = 100)
  void everyLineOfStandardInputGetsOneLineOfJson(@ForAll("lines") List<String> lines)
      throws Exception {
    String input = String.join("\n", lines) + "\n";
    Cli run = Cli.withInput(input.getBytes(StandardCharsets.UTF_8), "grad", "-", "--at",
        "x=0.5,y=-1.5").assertDoneOrBadInput("grad - with " + lines);
    List<String> answers = run.outLines();
    assertWithMessage("answers to %s", lines).that(answers).hasSize(lines.size());
    for (int i = 0; i < answers.size(); i++) {
      JsonNode answer = JSON.readTree(answers.get(i));
      if (answer.has("error")) {
        assertThat(answer.get("line").asInt()).isEqualTo(i + 1);
        assertThat(run.exitCode()).isEqualTo(2);
      } else {
        assertThat(answer.has("value")).isTrue();
      }
    }
  }

  @Provide
  Arbitrary<List<String>> lines() {
    // No line breaks inside a line: they would make it two lines.
    return hostile().map(line -> line.replace('\r', ' ')).list().ofMinSize(1).ofMaxSize(6);
  }

  @Example
  void bytesThatAreNotUtf8AreABadLineNotACrash() throws Exception {
    byte[] input = {'x', '\n', (byte) 0xff, (byte) 0xfe, '\n', 's', 'i', 'n', '(', 'y', ')',
        '\n'};
    Cli run = Cli.withInput(input, "grad", "-", "--at", "x=1,y=2")
        .assertDoneOrBadInput("grad - with bytes that are not UTF-8");
    assertThat(run.outLines()).hasSize(3);
    assertThat(JSON.readTree(run.outLines().get(1)).has("error")).isTrue();
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Example
  void deepExpressionsAreAnsweredInBoundedOutput() {
    for (String text : List.of("(".repeat(10_000) + "x" + ")".repeat(10_000),
        "(".repeat(10_000) + "x", "-".repeat(10_000) + "x", "sin(".repeat(10_000) + "x"
            + ")".repeat(10_000), "x^".repeat(1_000) + "x", "x * ".repeat(10_000) + "y")) {
      String context = "grad of " + text.substring(0, 20) + "… (" + text.length() + " chars)";
      Cli run = Cli.run("grad", "--json", "--at", "x=0.5,y=1.5", "--", text)
          .assertDoneOrBadInput(context);
      assertWithMessage("bytes printed for %s", context)
          .that(run.out().length() + run.err().length()).isLessThan(10_000_000);
    }
  }
}
