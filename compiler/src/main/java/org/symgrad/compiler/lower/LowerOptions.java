package org.symgrad.compiler.lower;

/**
 * How {@link Lowering} shapes a program; {@link #DEFAULT} for every compile, the others for
 * tests and benchmarks that compare one shape with another.
 *
 * @param methodLimit the most bytes of bytecode a method may take, by {@link CodeSize}'s
 *     bounds; the default keeps methods below the JIT's limit for compiling them
 * @param loopsFrom the shortest run of like instructions rolled into a loop ({@link
 *     Reroller}); {@link Integer#MAX_VALUE} rolls none
 * @param blocks whether row loops may run block by block ({@link Interchanger})
 * @param factorSums whether exact constant factors leave the sums ({@link ExactFactor})
 */
public record LowerOptions(int methodLimit, int loopsFrom, boolean blocks, boolean factorSums) {
  /** What {@code Symgrad} lowers with. */
  public static final LowerOptions DEFAULT =
      new LowerOptions(CodeSize.METHOD_LIMIT, Reroller.DEFAULT_MIN_RUN, true, true);

  public LowerOptions withMethodLimit(int limit) {
    return new LowerOptions(limit, loopsFrom, blocks, factorSums);
  }

  public LowerOptions withLoopsFrom(int minRun) {
    return new LowerOptions(methodLimit, minRun, blocks, factorSums);
  }

  public LowerOptions withBlocks(boolean on) {
    return new LowerOptions(methodLimit, loopsFrom, on, factorSums);
  }

  public LowerOptions withFactorSums(boolean on) {
    return new LowerOptions(methodLimit, loopsFrom, blocks, on);
  }
}
