/**
 * The fused pass over fixed chunks of rows on several threads, with results that do not
 * depend on the thread count ({@link org.symgrad.runtime.parallel.ParallelObjective}), and a
 * fit's once-per-fit work on the same threads ({@link
 * org.symgrad.runtime.parallel.ParallelTasks}).
 */
@NullMarked
package org.symgrad.runtime.parallel;

import org.jspecify.annotations.NullMarked;
