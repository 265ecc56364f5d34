package org.symgrad.runtime.optim;

import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;

/** A number in an optimizer's or scheduler's state: how to read it and how to restore it. */
record Counter(DoubleSupplier get, DoubleConsumer set) {}
