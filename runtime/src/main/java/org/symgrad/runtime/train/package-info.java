/**
 * The training/validation loop: {@link org.symgrad.runtime.train.Trainer} fits a compiled
 * model with an optimizer, as {@code training_loop} does in "Deep Learning with PyTorch",
 * ch. 5, and returns a {@link org.symgrad.runtime.train.TrainingResult}.
 *
 * <p>Reproducibility: a run is a function of its inputs and its seed. The validation rows are
 * the first {@code floor(fraction * n)} of a seeded permutation; each epoch's mini-batch
 * order and input noise are drawn from generators seeded by (seed, epoch). All draws come from
 * {@link java.util.Random}, whose algorithms are fixed by its specification, so a seed means
 * the same run on every JVM; it does not reproduce PyTorch's random numbers.
 *
 * <p>Resuming: {@link org.symgrad.runtime.train.TrainingResult#checkpoint()} holds everything
 * needed to go on; {@link org.symgrad.runtime.train.Trainer#resume} from it gives the same
 * bits as an uninterrupted run.
 */
@NullMarked
package org.symgrad.runtime.train;

import org.jspecify.annotations.NullMarked;
