package org.symgrad.compiler.emit;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/** What the JVM was started for, as far as compiled models care: read once. */
final class JvmFlags {
  /**
   * Whether a debugger can attach (a JDWP agent: {@code -agentlib:jdwp}, as an IDE's debug run
   * starts, or the older {@code -Xrunjdwp}) or stack traces show hidden frames ({@code
   * -XX:+ShowHiddenFrames}): the runs in which a model's line numbers are read.
   */
  static final boolean DEBUGGABLE =
      debuggable(ManagementFactory.getRuntimeMXBean().getInputArguments());

  private JvmFlags() {}

  static boolean debuggable(List<String> jvmArguments) {
    for (String argument : jvmArguments) {
      String flag = argument.toLowerCase(Locale.ROOT);
      if (flag.startsWith("-agentlib:jdwp") || flag.startsWith("-xrunjdwp")
          || (flag.startsWith("-agentpath:") && flag.contains("jdwp"))
          || flag.equals("-xx:+showhiddenframes")) {
        return true;
      }
    }
    return false;
  }
}
