/**
 * The {@code symgrad} command.
 */
@NullMarked
package org.symgrad.cli;

import org.jspecify.annotations.NullMarked;
