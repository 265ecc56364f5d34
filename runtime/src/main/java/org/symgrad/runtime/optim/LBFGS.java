package org.symgrad.runtime.optim;

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
public final class LBFGS implements Optimizer {
  private final int size;
  private double lr;
  private final int maxIter;
  private final int maxEval;
  private final double toleranceGrad;
  private final double toleranceChange;
  private final int historySize;
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

  /**
   * Arguments as {@code torch.optim.LBFGS}'s; {@code maxEval} null means {@code max_iter * 5 /
   * 4}, {@code lineSearchFn} is null or {@code "strong_wolfe"}.
   */
  public LBFGS(
      int size,
      double lr,
      int maxIter,
      @Nullable Integer maxEval,
      double toleranceGrad,
      double toleranceChange,
      int historySize,
      @Nullable String lineSearchFn) {
    this.size = size;
    this.lr = Check.learningRate(lr);
    this.maxIter = Check.positive(maxIter, "LBFGS", "max_iter");
    this.maxEval = maxEval == null ? maxIter * 5 / 4 : Check.positive(maxEval, "LBFGS", "max_eval");
    this.toleranceGrad = toleranceGrad;
    this.toleranceChange = toleranceChange;
    // torch fails at the first update with history_size 0 (it pops from an empty list).
    this.historySize = Check.positive(historySize, "LBFGS", "history_size");
    if (lineSearchFn != null && !lineSearchFn.equals("strong_wolfe")) {
      throw new IllegalArgumentException(
          "LBFGS line_search_fn '"
              + lineSearchFn
              + "': only 'strong_wolfe' is supported (or None)");
    }
    this.lineSearch = lineSearchFn == null ? null : new StrongWolfe(size);
    this.d = new double[size];
    this.prevFlatGrad = new double[size];
    this.history = new History(size, historySize);
    this.flatGrad = new double[size];
  }

  @Override
  public String name() {
    return "LBFGS";
  }

  @Override
  public void step(double[] params, double firstLoss, double[] grad, Objective objective) {
    Check.sizes(name(), size, params, grad);
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
  public double learningRate() {
    return lr;
  }

  @Override
  public void setLearningRate(double lr) {
    this.lr = Check.learningRate(lr);
  }

  @Override
  public OptimizerState state() {
    Snapshots snapshot =
        Snapshots.of(name())
            .scalar("lr", lr)
            .scalar("func_evals", funcEvals)
            .scalar("n_iter", nIter);
    if (nIter > 0) {
      snapshot
          .scalar("t", t)
          .scalar("H_diag", hDiag)
          .scalar("prev_loss", prevLoss)
          .array("d", d)
          .array("prev_flat_grad", prevFlatGrad);
      history.saveTo(snapshot);
    }
    return snapshot.build();
  }

  @Override
  public void restore(OptimizerState state) {
    Snapshots.requireFrom(state, name(), size);
    lr = state.scalar("lr");
    funcEvals = (int) state.scalar("func_evals");
    nIter = (int) state.scalar("n_iter");
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
