package org.symgrad.runtime.optim;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Limited-memory BFGS, optionally with a strong-Wolfe line search: {@code torch.optim.LBFGS}.
 * One {@link #step} is one {@code optimizer.step(closure)}: up to {@code max_iter} inner
 * iterations and {@code max_eval} evaluations of the objective.
 *
 * <p>A port of torch 1.13's {@code LBFGS.step}, statement for statement. Each inner iteration:
 *
 * <pre>
 * on the very first iteration: d = -g, no history, H_diag = 1
 * otherwise:  y = g - g_prev, s = t d;  if y·s > 1e-10: remember (y, s, 1/y·s), drop the
 *             oldest beyond history_size, H_diag = y·s / y·y;
 *             d = -H g by the two-loop recursion, H_0 = H_diag
 * t = lr (first iteration ever: min(1, 1/|g|_1) lr)
 * stop if g·d > -tolerance_change
 * strong_wolfe: t, loss, g from the line search, then x = x + t d
 * otherwise:    x = x + t d, and re-evaluate unless this is the last iteration
 * stop at max_iter, max_eval, |g|_inf &lt;= tolerance_grad, |t d|_inf &lt;= tolerance_change,
 *      or |loss - previous loss| &lt; tolerance_change
 * </pre>
 *
 * <p>The history and the direction carry over from one step to the next, as in torch. The
 * history is a ring of arrays allocated as it first fills, then reused.
 */
public final class LBFGS extends BaseOptimizer {
  static final Option<Double> LR = Option.lr("1");
  static final Option<Integer> MAX_ITER = Option.count("max_iter", "20");
  static final Option<@Nullable Integer> MAX_EVAL = Option.computed("max_eval",
      Kind.OPTIONAL_INTEGER, "max_iter * 5 // 4",
      (owner, option, value) -> {
        if (value != null) {
          Check.positive(value, owner, option);
        }
      });
  static final Option<Double> TOLERANCE_GRAD =
      Option.unchecked("tolerance_grad", Kind.NUMBER, "1e-7");
  static final Option<Double> TOLERANCE_CHANGE =
      Option.unchecked("tolerance_change", Kind.NUMBER, "1e-9");
  // torch fails at the first update with history_size 0 (it pops from an empty list).
  static final Option<Integer> HISTORY_SIZE = Option.count("history_size", "100");
  static final Option<@Nullable String> LINE_SEARCH_FN = Option.computed("line_search_fn",
      Kind.WORD, "None", (owner, option, value) -> {
        if (value != null && !value.equals("strong_wolfe")) {
          throw new IllegalArgumentException("LBFGS line_search_fn '" + value
              + "': only 'strong_wolfe' is supported (or None)");
        }
      });
  static final Spec DEFAULTS = new Spec(Settings.of("LBFGS", List.of(LR, MAX_ITER, MAX_EVAL,
      TOLERANCE_GRAD, TOLERANCE_CHANGE, HISTORY_SIZE, LINE_SEARCH_FN)));

  /** {@code torch.optim.LBFGS}'s arguments: {@link Optim#lbfgs()}. */
  public static final class Spec extends OptimizerSpec<Spec> {
    private Spec(Settings settings) {
      super(settings, Spec::new, LBFGS::new);
    }

    /** torch's {@code max_iter}: inner iterations per step. */
    public Spec maxIter(int maxIter) {
      return set(MAX_ITER, maxIter);
    }

    /** torch's {@code max_eval}: evaluations per step; null for max_iter * 5 // 4. */
    public Spec maxEval(@Nullable Integer maxEval) {
      return set(MAX_EVAL, maxEval);
    }

    /** torch's {@code tolerance_grad}: stop when no gradient component is larger. */
    public Spec toleranceGrad(double toleranceGrad) {
      return set(TOLERANCE_GRAD, toleranceGrad);
    }

    /** torch's {@code tolerance_change}: stop when the loss or the step changes less. */
    public Spec toleranceChange(double toleranceChange) {
      return set(TOLERANCE_CHANGE, toleranceChange);
    }

    /** torch's {@code history_size}: how many curvature pairs to remember. */
    public Spec historySize(int historySize) {
      return set(HISTORY_SIZE, historySize);
    }

    /** torch's {@code line_search_fn}: "strong_wolfe", or null for fixed steps. */
    public Spec lineSearchFn(@Nullable String lineSearchFn) {
      return set(LINE_SEARCH_FN, lineSearchFn);
    }
  }

  private final int maxIter;
  private final int maxEval;
  private final double toleranceGrad;
  private final double toleranceChange;
  private final @Nullable StrongWolfe lineSearch; // null: fixed steps of length t

  // torch's state dict, of which 'al' is scratch.
  private int funcEvals;
  private int nIter;
  private double t;
  private double hDiag;
  private double prevLoss;
  private final double[] d;
  private final double[] prevFlatGrad;
  private final History history;

  private final double[] flatGrad;

  private LBFGS(int size, Settings settings) {
    super(settings, size, LR, false);
    this.maxIter = settings.get(MAX_ITER);
    Integer maxEval = settings.get(MAX_EVAL);
    // Python's integers do not overflow: max_iter * 5 // 4 in long, capped where int ends.
    this.maxEval = maxEval != null ? maxEval
        : (int) Math.min(Integer.MAX_VALUE, (long) maxIter * 5 / 4);
    this.toleranceGrad = settings.get(TOLERANCE_GRAD);
    this.toleranceChange = settings.get(TOLERANCE_CHANGE);
    this.lineSearch = settings.get(LINE_SEARCH_FN) == null ? null : new StrongWolfe(size);
    counters.add("func_evals", () -> funcEvals, value -> funcEvals = (int) value);
    counters.add("n_iter", () -> nIter, value -> nIter = (int) value);
    this.d = new double[size];
    this.prevFlatGrad = new double[size];
    this.history = new History(size, settings.get(HISTORY_SIZE));
    this.flatGrad = new double[size];
  }

  @Override
  void update(double[] params, double firstLoss, double[] grad, Objective objective) {
    if (objective == null) {
      throw new IllegalArgumentException(
          "LBFGS re-evaluates the objective during a step, so it needs one (torch's closure)");
    }
    // The trainer's evaluation is torch's first closure() call of the step.
    funcEvals += 1;
    int currentEvals = 1;
    double loss = firstLoss;
    System.arraycopy(grad, 0, flatGrad, 0, size);
    boolean optCond = Vectors.maxAbs(flatGrad) <= toleranceGrad;
    if (optCond) {
      return;
    }
    int iteration = 0;
    while (iteration < maxIter) {
      iteration++;
      nIter++;
      if (nIter == 1) {
        for (int i = 0; i < size; i++) {
          d[i] = -flatGrad[i];
        }
        history.clear();
        hDiag = 1;
      } else {
        updateHistory();
        twoLoopDirection();
      }
      System.arraycopy(flatGrad, 0, prevFlatGrad, 0, size);
      prevLoss = loss;

      t = nIter == 1 ? Vectors.pyMin(1., 1. / Vectors.sumAbs(flatGrad)) * lr : lr;
      double gtd = Vectors.dot(flatGrad, d);
      if (gtd > -toleranceChange) {
        break; // the directional derivative is below tolerance
      }
      int lsFuncEvals = 0;
      if (lineSearch != null) {
        lineSearch.search(objective, params, t, d, loss, flatGrad, gtd, toleranceChange, flatGrad);
        loss = lineSearch.loss;
        t = lineSearch.t;
        lsFuncEvals = lineSearch.evaluations;
        addStep(params);
        optCond = Vectors.maxAbs(flatGrad) <= toleranceGrad;
      } else {
        addStep(params);
        if (iteration != maxIter) {
          // Re-evaluate unless this is the last iteration: in a stochastic setting the next
          // step's evaluation would be wasted on it.
          loss = objective.evaluate(params, flatGrad);
          optCond = Vectors.maxAbs(flatGrad) <= toleranceGrad;
          lsFuncEvals = 1;
        }
      }
      currentEvals += lsFuncEvals;
      funcEvals += lsFuncEvals;

      if (iteration == maxIter || currentEvals >= maxEval || optCond) {
        break;
      }
      if (maxAbsStep() <= toleranceChange || Math.abs(loss - prevLoss) < toleranceChange) {
        break; // lack of progress
      }
    }
  }

  /** Remembers the last step's curvature pair when it is positive enough to keep H positive. */
  private void updateHistory() {
    double[] y = history.freeY();
    double[] s = history.freeS();
    for (int i = 0; i < size; i++) {
      y[i] = flatGrad[i] - prevFlatGrad[i];
      s[i] = d[i] * t;
    }
    double ys = Vectors.dot(y, s);
    if (ys > 1e-10) {
      history.push(1. / ys);
      hDiag = ys / Vectors.dot(y, y);
    }
  }

  /** d = -H g, with H the L-BFGS inverse Hessian approximation, in place in {@code d}. */
  private void twoLoopDirection() {
    int count = history.count();
    double[] al = history.al();
    for (int i = 0; i < size; i++) {
      d[i] = -flatGrad[i];
    }
    for (int k = count - 1; k >= 0; k--) {
      al[k] = Vectors.dot(history.s(k), d) * history.ro(k);
      double[] y = history.y(k);
      for (int i = 0; i < size; i++) {
        d[i] = Math.fma(-al[k], y[i], d[i]);
      }
    }
    for (int i = 0; i < size; i++) {
      d[i] = d[i] * hDiag;
    }
    for (int k = 0; k < count; k++) {
      double be = Vectors.dot(history.y(k), d) * history.ro(k);
      double[] s = history.s(k);
      for (int i = 0; i < size; i++) {
        d[i] = Math.fma(al[k] - be, s[i], d[i]);
      }
    }
  }

  private void addStep(double[] params) {
    for (int i = 0; i < size; i++) {
      params[i] = Math.fma(t, d[i], params[i]);
    }
  }

  /** {@code d.mul(t).abs().max()}. */
  private double maxAbsStep() {
    double max = 0;
    for (int i = 0; i < size; i++) {
      max = Math.max(max, Math.abs(d[i] * t));
    }
    return max;
  }

  @Override
  void saveMore(Snapshots snapshot) {
    if (nIter > 0) {
      snapshot
          .scalar("t", t)
          .scalar("H_diag", hDiag)
          .scalar("prev_loss", prevLoss)
          .array("d", d)
          .array("prev_flat_grad", prevFlatGrad);
      history.saveTo(snapshot);
    }
  }

  @Override
  void restoreMore(OptimizerState state) {
    history.clear();
    if (nIter > 0) {
      t = state.scalar("t");
      hDiag = state.scalar("H_diag");
      prevLoss = state.scalar("prev_loss");
      Snapshots.read(state, "d", d);
      Snapshots.read(state, "prev_flat_grad", prevFlatGrad);
      history.restoreFrom(state);
    }
  }
}
