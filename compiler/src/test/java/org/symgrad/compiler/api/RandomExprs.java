package org.symgrad.compiler.api;

import java.util.List;
import java.util.Random;
import org.symgrad.compiler.graph.ExpressionPrinter;

/** Random builder expressions, each with its fully parenthesized text. */
final class RandomExprs {
  private static final List<String> NAMES = List.of("a", "b", "x", "t_u");
  private static final double[] NUMBERS = {0, 1, 2, 0.5, 3.25, 1e-3, 1e20};
  private static final List<String> UNARY = List.of("exp", "log", "sqrt", "sin", "cos", "tan",
      "tanh", "sinh", "cosh", "asin", "acos", "atan", "abs", "sigmoid", "relu", "softplus",
      "log1p", "expm1");

  /** An expression and its text. */
  record Pair(Expr expr, String text) {}

  private RandomExprs() {}

  static Pair pair(long seed, int depth) {
    return pair(new Random(seed), depth);
  }

  private static Pair pair(Random random, int depth) {
    int choice = depth == 0 ? random.nextInt(2) : random.nextInt(13);
    switch (choice) {
      case 0 -> {
        double value = NUMBERS[random.nextInt(NUMBERS.length)];
        return new Pair(Expr.constant(value), ExpressionPrinter.number(value));
      }
      case 1 -> {
        String name = NAMES.get(random.nextInt(NAMES.size()));
        return new Pair(Expr.variable(name), name);
      }
      case 11 -> {
        Pair x = pair(random, depth - 1);
        return new Pair(x.expr().unaryMinus(), "-(" + x.text() + ")");
      }
      case 12 -> {
        Pair x = pair(random, depth - 1);
        String function = UNARY.get(random.nextInt(UNARY.size()));
        return new Pair(unary(function, x.expr()), function + "(" + x.text() + ")");
      }
      default -> {
        Pair a = pair(random, depth - 1);
        Pair b = pair(random, depth - 1);
        String left = "(" + a.text() + ")";
        String right = "(" + b.text() + ")";
        double number = NUMBERS[random.nextInt(NUMBERS.length)];
        String written = ExpressionPrinter.number(number);
        return switch (choice) {
          case 2 -> new Pair(a.expr().plus(b.expr()), left + " + " + right);
          case 3 -> new Pair(a.expr().minus(b.expr()), left + " - " + right);
          case 4 -> new Pair(a.expr().times(b.expr()), left + " * " + right);
          case 5 -> new Pair(a.expr().div(b.expr()), left + " / " + right);
          case 6 -> new Pair(Expr.pow(a.expr(), b.expr()), left + "^" + right);
          case 7 -> new Pair(Expr.min(a.expr(), b.expr()), "min(" + a.text() + ", " + b.text()
              + ")");
          case 8 -> new Pair(Expr.max(a.expr(), b.expr()), "max(" + a.text() + ", " + b.text()
              + ")");
          case 9 -> new Pair(a.expr().minus(number), left + " - " + written);
          default -> new Pair(Expr.constant(number).times(a.expr()), written + " * " + left);
        };
      }
    }
  }

  private static Expr unary(String function, Expr x) {
    return switch (function) {
      case "exp" -> Expr.exp(x);
      case "log" -> Expr.log(x);
      case "sqrt" -> Expr.sqrt(x);
      case "sin" -> Expr.sin(x);
      case "cos" -> Expr.cos(x);
      case "tan" -> Expr.tan(x);
      case "tanh" -> Expr.tanh(x);
      case "sinh" -> Expr.sinh(x);
      case "cosh" -> Expr.cosh(x);
      case "asin" -> Expr.asin(x);
      case "acos" -> Expr.acos(x);
      case "atan" -> Expr.atan(x);
      case "abs" -> Expr.abs(x);
      case "sigmoid" -> Expr.sigmoid(x);
      case "relu" -> Expr.relu(x);
      case "softplus" -> Expr.softplus(x);
      case "log1p" -> Expr.log1p(x);
      default -> Expr.expm1(x);
    };
  }
}
