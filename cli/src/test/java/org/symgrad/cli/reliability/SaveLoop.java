package org.symgrad.cli.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.symgrad.cli.Main;

/**
 * Resumes a fit from its checkpoint and saves it back, over and over, until it is killed:
 * {@code symgrad fit MODEL --init FILE --save FILE}, as a service that trains in steps does.
 * Prints {@code saved N} after each save. Run by {@link SaveCrashTest}, which kills it with
 * SIGKILL at a random moment.
 *
 * <pre>
 * java -cp … org.symgrad.cli.reliability.SaveLoop MODEL.sg DATA.csv CHECKPOINT.json
 * </pre>
 */
public final class SaveLoop {
  private SaveLoop() {}

  public static void main(String[] args) {
    Path model = Path.of(args[0]);
    Path data = Path.of(args[1]);
    Path checkpoint = Path.of(args[2]);
    for (long n = 1; ; n++) {
      StringWriter err = new StringWriter();
      int code = Main.run(new String[] {"fit", model.toString(), "--data", data.toString(),
          "--optimizer", "adam", "--epochs", "1", "--val-fraction", "0", "--log-every",
          "1000000", "--init", checkpoint.toString(), "--save", checkpoint.toString(),
          "--json"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
      if (code != 0) {
        System.out.println("fit failed with " + code + ": " + err);
        System.exit(code);
      }
      System.out.println("saved " + n);
      System.out.flush();
    }
  }
}
