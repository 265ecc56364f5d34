package org.symgrad.compiler;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.symgrad.runtime.optim.lsq.Tolerances;

/**
 * The {@code --opt} options of {@code lm} and {@code newton}, read one way for {@code symgrad
 * fit} and {@code symgrad-spark}: {@code newton}'s {@code hessian=} first, the rest as the
 * tolerances.
 *
 * @param tolerances the stopping tolerances, the iteration limit from the epochs
 * @param hessian how {@code newton} steps; {@link NewtonHessian#DENSE} for {@code lm}, which
 *     takes no {@code hessian=}
 */
public record SecondOrderOptions(Tolerances tolerances, NewtonHessian hessian) {

  /**
   * Reads {@code options} (left unchanged) for {@code optimizer}, {@code lm} or {@code newton}.
   *
   * @throws IllegalArgumentException naming a bad value or an unknown option
   */
  public static SecondOrderOptions parse(String optimizer, Map<String, String> options,
      int epochs) {
    Map<String, String> rest = new LinkedHashMap<>(options);
    boolean lm = optimizer.toLowerCase(Locale.ROOT).equals("lm");
    NewtonHessian hessian = lm ? NewtonHessian.DENSE : NewtonHessian.take(rest);
    return new SecondOrderOptions(Tolerances.parse(rest, epochs), hessian);
  }
}
