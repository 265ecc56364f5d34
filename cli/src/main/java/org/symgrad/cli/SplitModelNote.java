package org.symgrad.cli;

import java.nio.file.Path;
import org.symgrad.io.Quote;

/**
 * What {@code --threads} does to a model whose kernels were split into helper methods: such a
 * model has no chunked kernels, so it runs its one fused loop on one thread whatever the
 * count. Said on standard error, because the user asked for threads and gets none.
 */
final class SplitModelNote {
  private SplitModelNote() {}

  static String of(Path modelFile, int threads) {
    return "symgrad: note: " + Quote.path(modelFile) + " is large enough that its kernels are split into "
        + "helper methods, which run as one loop on one thread: --threads " + threads
        + " changes neither its speed nor its result.";
  }
}
