package org.symgrad.compiler.parse;

import java.util.List;
import java.util.function.Function;
import org.symgrad.compiler.diagnostic.ErrorCode;
import org.symgrad.compiler.diagnostic.SymgradException;
import org.symgrad.compiler.model.ParamRules;
import org.symgrad.runtime.Initializer;

/**
 * Reads what follows {@code param w =}: a constant, {@code uniform(low, high)}, {@code
 * normal(mean, std)}, or {@code linear_init(fan_in)}, PyTorch's default for the weights and
 * biases of {@code nn.Linear}: uniform on {@code [-1/sqrt(fan_in), 1/sqrt(fan_in))}, which
 * is what {@code kaiming_uniform_(a=sqrt(5))} gives the weights and what the bias is drawn
 * from. {@code fan_in} is the layer's number of inputs, the second extent of its weight.
 * Every element of a vector param draws its own value from the run's seeded generator.
 */
final class ParamInitializers {
  private static final List<String> CALLS = List.of("uniform", "normal", "linear_init");

  private ParamInitializers() {}

  /**
   * The initializer of {@code param}; {@code constant} evaluates the tokens of a constant
   * expression (ending with an END), with {@code what} naming it in messages.
   */
  static Initializer read(SourceText source, Declaration param,
      Function<List<Token>, Double> constant) {
    List<Token> tokens = param.body();
    if (tokens == null) {
      return new Initializer.Constant(0.0);
    }
    for (String random : CALLS) {
      if (!ConstantCall.starts(tokens, random)) {
        continue;
      }
      String signature = switch (random) {
        case "uniform" -> "uniform(low, high)";
        case "normal" -> "normal(mean, std)";
        default -> "linear_init(fan_in)";
      };
      ConstantCall call = ConstantCall.read(source, tokens, constant::apply, signature);
      int arity = random.equals("linear_init") ? 1 : 2;
      if (call.arguments().size() != arity) {
        throw source.error(ErrorCode.WRONG_ARITY, call.start(), call.length(),
            ExpressionParser.arityMessage(call.name().text(), arity, call.arguments().size()),
            "call it as " + signature);
      }
      double a = call.arguments().get(0);
      if (random.equals("linear_init")) {
        if (!ParamRules.isFanIn(a)) {
          throw bad(source, call, "linear_init(" + number(a) + ") needs a whole number fan_in >= 1",
              "fan_in is the number of inputs of the layer, as in nn.Linear(fan_in, …)");
        }
        return ParamRules.linearInit(a);
      }
      double b = call.arguments().get(1);
      if (random.equals("uniform") && !(a <= b)) {
        throw bad(source, call, "uniform(" + number(a) + ", " + number(b)
            + ") needs low <= high", "the values are drawn from [low, high)");
      }
      if (random.equals("uniform") && !ParamRules.isFinite(new Initializer.Uniform(a, b))) {
        throw bad(source, call, "uniform(" + number(a) + ", " + number(b)
            + ") is wider than a double holds: high - low overflows",
            "use a range whose width is at most 1.7976931348623157e308");
      }
      if (random.equals("normal") && !(b >= 0)) {
        throw bad(source, call, "normal(" + number(a) + ", " + number(b)
            + ") needs std >= 0", "std is the standard deviation of the values drawn");
      }
      return random.equals("uniform") ? new Initializer.Uniform(a, b)
          : new Initializer.Normal(a, b);
    }
    return new Initializer.Constant(constant.apply(tokens));
  }

  private static SymgradException bad(SourceText source, ConstantCall call, String message,
      String hint) {
    return source.error(ErrorCode.BAD_INITIALIZER, call.start(), call.length(), message, hint);
  }

  private static String number(double value) {
    return org.symgrad.compiler.graph.ExpressionPrinter.number(value);
  }
}
