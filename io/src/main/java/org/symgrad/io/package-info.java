/**
 * Files in and out of symgrad, for the command and for programs: {@link
 * org.symgrad.io.Datasets} reads CSV data, {@link org.symgrad.io.Checkpoints} saves and loads
 * fits, {@link org.symgrad.io.OutputFiles} writes a file without destroying what a path
 * names; {@link org.symgrad.io.FitOptions} declares the fit flags {@code symgrad fit} and
 * {@code symgrad-spark} share, once. Every problem is a {@link
 * org.symgrad.io.BadFileException} whose message names the file, and the place in it where
 * there is one.
 */
@NullMarked
package org.symgrad.io;

import org.jspecify.annotations.NullMarked;
