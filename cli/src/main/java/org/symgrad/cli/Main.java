package org.symgrad.cli;

import java.io.PrintWriter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.Symgrad;
import org.symgrad.io.BadFileException;
import org.symgrad.io.Version;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code symgrad} command. Exit codes: 0 done; 2 bad input (usage, parse error, data
 * error), with a message that says where; 3 training diverged; 1 a bug of symgrad's own.
 */
@Command(name = "symgrad", mixinStandardHelpOptions = true,
    versionProvider = Main.BuildVersion.class,
    description = "A symbolic differentiation compiler for the JVM.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:a bug of symgrad's own (please report it)",
        "2:bad input: usage, a parse or data error, an output path refused, a limit reached",
        "3:training diverged (fit still prints its result)"})
public final class Main {
  /**
   * The subcommands, in the order help lists them. Picocli reads a command's annotations
   * when it is added, tens of milliseconds for all of them, so a run of one command adds only
   * that one (see {@link #commandLine}).
   */
  private static final List<String> COMMANDS = List.of(
      "fit", "predict", "eval", "grad", "check", "emit", "bench", "generate-completion");
  /** Bad input of any kind. */
  public static final int BAD_INPUT = 2;
  /** Training diverged. */
  public static final int DIVERGED = 3;

  public static void main(String[] args) {
    EarlyCompile.start(args);
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command with these streams and returns its exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = commandLine(args);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new Reporter());
    String vectorProblem = vectorModeProblem();
    if (vectorProblem != null) {
      err.println("symgrad: " + vectorProblem);
      err.flush();
      return BAD_INPUT;
    }
    int code;
    try {
      code = commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      String inputs = CommandInputs.of(args);
      err.println("symgrad: error: out of memory (" + (Runtime.getRuntime().maxMemory() >> 20)
          + " MB of heap at most)" + (inputs.isEmpty() ? "" : " with " + inputs)
          + ": the input is too large for this JVM; give it more with "
          + "SYMGRAD_JAVA_OPTS=-Xmx4g, or use less data");
      code = BAD_INPUT;
    } catch (StackOverflowError e) {
      String inputs = CommandInputs.of(args);
      err.println("symgrad: error: the input" + (inputs.isEmpty() ? "" : " (" + inputs + ")")
          + " is nested too deeply for this JVM's stack; give it more with "
          + "SYMGRAD_JAVA_OPTS=-Xss8m");
      code = BAD_INPUT;
    }
    out.flush();
    err.flush();
    return code;
  }

  // A switch, not a map of constructor references: linking a reference loads its class and
  // what verifying it needs (emit's ASM printer among them) on every run.
  private static Object command(String name) {
    return switch (name) {
      case "fit" -> new FitCommand();
      case "predict" -> new PredictCommand();
      case "eval" -> new EvalCommand();
      case "grad" -> new GradCommand();
      case "check" -> new CheckCommand();
      case "emit" -> new EmitCommand();
      case "bench" -> new BenchCommand();
      case "generate-completion" -> new AutoComplete.GenerateCompletion();
      default -> throw new IllegalArgumentException("no command " + name);
    };
  }

  /**
   * The command line for {@code args}: the root with only the subcommand {@code args} names,
   * or with all of them for help, a mistyped name (its suggestions) and the completion script
   * (which describes them all). Parsing, help and errors of the subcommand are the same either
   * way: picocli parses a subcommand's arguments with its own specification.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine line = new CommandLine(new Main());
    String first = args.length == 0 ? "" : args[0];
    if (COMMANDS.contains(first) && !first.equals("generate-completion")) {
      line.addSubcommand(first, command(first));
    } else {
      for (String name : COMMANDS) {
        line.addSubcommand(name, command(name));
      }
    }
    return line;
  }

  /**
   * Why the JVM cannot compile models as -Dsymgrad.vector asks (a bad value, or {@code on}
   * without the incubator module), or null: a setting of the user's, so said before any
   * command runs, as bad input rather than a failure inside one.
   */
  private static @Nullable String vectorModeProblem() {
    try {
      Symgrad.vectorKernels();
      return null;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return e.getMessage();
    }
  }

  /** The version the build wrote into the I/O module's resources. */
  static final class BuildVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"symgrad " + Version.current()};
    }
  }

  /**
   * Reports what a command threw. A class, not a lambda: a lambda's proxy links picocli's
   * interface (a Java 5 class file) while the launchers' archive is dumped, which then leaves
   * out the interface, picocli's own class that uses it and the proxy, so every command loaded
   * and verified both from the jar and spun the proxy.
   */
  private static final class Reporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine line,
        CommandLine.ParseResult parsed) {
      return report(e, line.getErr());
    }
  }

  // What a user may have got wrong gets its message; anything else is symgrad's bug.
  private static int report(Exception e, PrintWriter err) {
    if (e instanceof SymgradException || e instanceof DataException
        || e instanceof UsageException || e instanceof BadFileException) {
      err.println(e.getMessage());
      return BAD_INPUT;
    }
    err.println("symgrad: internal error: " + e);
    if (System.getenv("SYMGRAD_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("(set SYMGRAD_DEBUG=1 to see the stack trace, and please report it)");
    }
    return 1;
  }
}
