package org.symgrad.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The inputs a command line names, for a message about a limit that the command itself could
 * not place (the heap, the stack): {@code many.sg, --data big.csv}. Read from the raw
 * arguments, since such a limit may be reached before or while picocli's result is used.
 */
final class CommandInputs {
  private static final Set<String> MODEL_COMMANDS =
      Set.of("fit", "predict", "eval", "check", "emit", "bench");
  private static final List<String> FILE_OPTIONS = List.of("--data", "--init");
  // bench's fits are held at once, so their count is as much an input's size as the data.
  private static final List<String> BENCH_OPTIONS = List.of("--data", "--fits");

  private CommandInputs() {}

  /** The inputs of {@code args}, as a message shows them, or "" when it names none. */
  static String of(String[] args) {
    if (args.length < 2) {
      return "";
    }
    List<String> inputs = new ArrayList<>();
    if (args[0].equals("grad")) {
      inputs.add(List.of(args).contains("-") ? "standard input" : "the expression");
    } else if (MODEL_COMMANDS.contains(args[0])) {
      for (int i = 1; i < args.length; i++) {
        String arg = args[i];
        if (!arg.startsWith("-") && (i == 1 || !args[i - 1].startsWith("--"))) {
          inputs.add(org.symgrad.io.Quote.excerpt(arg));
          break;
        }
      }
      List<String> options = args[0].equals("bench") ? BENCH_OPTIONS : FILE_OPTIONS;
      for (int i = 1; i < args.length; i++) {
        for (String option : options) {
          if (args[i].equals(option) && i + 1 < args.length) {
            inputs.add(option + " " + org.symgrad.io.Quote.excerpt(args[i + 1]));
          } else if (args[i].startsWith(option + "=")) {
            inputs.add(option + " " + org.symgrad.io.Quote.excerpt(
                args[i].substring(option.length() + 1)));
          }
        }
      }
    }
    return String.join(", ", inputs);
  }
}
