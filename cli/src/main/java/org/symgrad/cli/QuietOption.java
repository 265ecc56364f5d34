package org.symgrad.cli;

import picocli.CommandLine.Option;

/** {@code --quiet}, which every command takes: no log lines, notes or progress. */
final class QuietOption {
  @Option(names = "--quiet", description = "Print only the result: no log, notes or progress.")
  boolean quiet;
}
