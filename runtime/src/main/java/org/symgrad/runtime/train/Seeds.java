package org.symgrad.runtime.train;

/**
 * Derives the seed of each random stream of a fit from the run's seed, so that a stream
 * depends on (seed, purpose, epoch) alone and never on what was drawn before it. That is
 * what lets a resumed run shuffle and add noise exactly as the uninterrupted run would.
 *
 * <p>The derived seed is {@code mix(mix(seed ^ purpose) + GOLDEN * epoch)}, where {@code mix}
 * is SplitMix64's finaliser (Steele, Lea and Flood, 2014). The draws themselves come from
 * {@link java.util.Random}, whose algorithms (including {@code nextInt(bound)} and {@code
 * nextGaussian}) its javadoc fixes for every Java implementation, so a seed means the same run
 * on every JVM.
 */
final class Seeds {
  /** The permutation that chooses the validation rows. */
  static final long SPLIT = 0x5350_4C49_5400_0001L;
  /** The order of the training rows in an epoch's mini-batches. */
  static final long SHUFFLE = 0x5348_5546_4C45_0002L;
  /** The Gaussian noise added to an epoch's training inputs. */
  static final long NOISE = 0x4E4F_4953_4500_0003L;

  /** 2^64 / phi, odd: consecutive epochs land far apart before mixing. */
  private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;

  private Seeds() {}

  /** The seed of stream {@code purpose} in {@code epoch} (0 for once-per-run streams). */
  static long derive(long seed, long purpose, long epoch) {
    return mix(mix(seed ^ purpose) + GOLDEN * epoch);
  }

  /** SplitMix64's finaliser: a bijection on longs that spreads every input bit. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }
}
