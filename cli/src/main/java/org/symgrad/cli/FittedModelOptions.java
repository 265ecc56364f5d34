package org.symgrad.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code predict} and {@code eval} both take: the model file and the fit to apply. */
final class FittedModelOptions {
  @Parameters(index = "0", paramLabel = "MODEL.sg", description = "The model file.")
  Path modelFile;

  @Option(names = "--init", required = true, paramLabel = "FIT.json",
      description = "The fit: a --save checkpoint or the output of fit --json.")
  Path init;
}
