package org.symgrad.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.symgrad.runtime.optim.lsq.FitStatistics;
import org.symgrad.runtime.optim.lsq.SolverResult;

/** The text of a second-order fit, laid out as R's {@code summary(nls)} prints it. */
final class NlsSummary {
  private NlsSummary() {}

  static void print(PrintWriter out, SolverResult fit, FitStatistics stats, List<String> names,
      ObjectNode summary) {
    out.println("stopped: " + fit.stopReason().label() + " ("
        + fit.reason().label() + ": " + fit.reason().explanation() + ") after "
        + fit.iterations() + " iterations, " + fit.evaluations() + " evaluations");
    double[] params = fit.params();
    int width = Math.max(9, names.stream().mapToInt(String::length).max().orElse(1));
    if (stats == null) {
      out.println("Parameters:");
      for (int i = 0; i < params.length; i++) {
        out.printf(Locale.ROOT, "  %-" + width + "s %16.9e%n", names.get(i), params[i]);
      }
    } else {
      out.println("Parameters:");
      out.printf(Locale.ROOT, "  %-" + width + "s %16s %12s %9s%n", "", "Estimate",
          "Std. Error", "t value");
      double[] se = stats.stderr();
      for (int i = 0; i < params.length; i++) {
        String error = Double.isNaN(se[i]) ? "NA" : String.format(Locale.ROOT, "%.4e", se[i]);
        String t = Double.isNaN(se[i]) ? "NA"
            : String.format(Locale.ROOT, "%.3f", params[i] / se[i]);
        out.printf(Locale.ROOT, "  %-" + width + "s %16.9e %12s %9s%n", names.get(i),
            params[i], error, t);
      }
      out.println();
      out.printf(Locale.ROOT, "Residual standard error: %.6g on %d degrees of freedom%n",
          stats.residualSd(), stats.dof());
      out.printf(Locale.ROOT, "Residual sum of squares: %.10g%n", stats.rss());
    }
    out.println("  train_loss = " + Json.line(summary.get("train_loss")));
    out.println("  val_loss   = " + Json.line(summary.get("val_loss")));
  }
}
