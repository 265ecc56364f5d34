package org.symgrad.samples;

import org.symgrad.runtime.annotation.SymbolicModel;

/**
 * The thermometer of "Deep Learning with PyTorch", ch. 5: Celsius from the readings of an
 * uncalibrated thermometer, linear in the reading scaled by 0.1 so that plain SGD converges.
 *
 * <p>symgrad's annotation processor generates {@link Symgrad_Thermometer} from this, at
 * compile time; its source is checked in under {@code src-gen/org/symgrad/samples/}.
 */
@SymbolicModel(
    inputs = "t_u",
    target = "t_c",
    params = {"w = 1.0", "b = 0.0"},
    lets = "t_un = 0.1 * t_u",
    model = "w * t_un + b",
    loss = "mse")
public interface Thermometer {}
