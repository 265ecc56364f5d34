package org.symgrad.io;

/**
 * How much of a CSV file is read before it is refused, so that a file of any size (or an
 * endless stream such as {@code /dev/zero}) ends in a message rather than in an
 * {@code OutOfMemoryError}.
 *
 * @param longestLine the most characters one record may hold
 * @param mostValues the most numbers kept in memory, over all rows and columns
 */
public record CsvLimits(int longestLine, long mostValues) {
  /** 16 Mi characters a line. */
  public static final int LONGEST_LINE = 1 << 24;

  public CsvLimits {
    if (longestLine < 1 || mostValues < 1) {
      throw new IllegalArgumentException("limits must be positive: " + longestLine + ", "
          + mostValues);
    }
  }

  /**
   * 16 Mi characters a line, and as many numbers as an eighth of the JVM's largest heap holds
   * at 8 bytes each (the columns grow by doubling, the data set copies them, and a fit copies them
   * again into its batches).
   */
  public static CsvLimits defaults() {
    return new CsvLimits(LONGEST_LINE, Math.max(1, Runtime.getRuntime().maxMemory() / 64));
  }
}
