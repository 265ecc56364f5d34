package org.symgrad.compiler.parse;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.symgrad.compiler.graph.Op;
import org.symgrad.compiler.model.LossRules;
import org.symgrad.compiler.model.ModelDefinition;
import org.symgrad.compiler.model.UseRules;
import org.symgrad.runtime.Initializer;

/**
 * A builder's lines are the parser's declarations, read by the parser's one checker: the same
 * definition as the file's text, lines read in call order, a name's meaning decided by {@link
 * LineScope} and only worded by the builder.
 */
class BuiltLinesTest {
  /** How the test words the checker's refusals: by what they are. */
  private static final BuiltLines.Wording WORDING = new BuiltLines.Wording() {
    @Override
    public RuntimeException missing(BuiltLines.Missing line) {
      return new IllegalStateException("missing " + line);
    }

    @Override
    public RuntimeException misfit(LossRules.Misfit misfit, String loss, int outputs) {
      return new IllegalStateException(misfit + " " + loss + " " + outputs);
    }
  };

  private final List<LineScope.Lookup> lookups = new ArrayList<>();

  /** {@code a OP b} over declared names, as a builder's expression writes it. */
  private BuiltExpression apply(Op op, String a, String b) {
    return (nodes, scope, indices) -> nodes.apply(op, value(scope, a), value(scope, b));
  }

  /** A declared name alone, as {@code Expr.variable(name)}. */
  private BuiltExpression name(String name) {
    return (nodes, scope, indices) -> value(scope, name);
  }

  private IndexedNodes value(LineScope scope, String name) {
    LineScope.Lookup lookup = scope.lookup(name);
    lookups.add(lookup);
    if (lookup instanceof LineScope.Found found) {
      return IndexedNodes.scalar(found.value().node());
    }
    throw new IllegalStateException("refused " + name);
  }

  @Test
  void theLinesAreTheFilesDeclarations() {
    BuiltLines lines = new BuiltLines();
    lines.data("sensors.csv");
    lines.input("x", List.of(), List.of("x"));
    lines.target("y");
    lines.param("w", List.of(), new Initializer.Constant(0.5));
    lines.param("b", List.of(), new Initializer.Uniform(-1, 1));
    lines.let("s", List.of(), apply(Op.MUL, "w", "x"));
    lines.model(null, List.of(), apply(Op.ADD, "s", "b"), "s + b");
    lines.penalty(apply(Op.MUL, "w", "w"), "w * w");
    lines.loss("huber(1.5)", "huber", 1.5, null);

    ModelDefinition built = lines.check("m", "<builder>", WORDING);
    ModelDefinition parsed = ModelParser.parse("""
        data sensors.csv
        input x
        target y
        param w = 0.5
        param b = uniform(-1, 1)
        let s = w * x
        model s + b
        penalty w * w
        loss huber(1.5)
        """, "m.sg");

    assertThat(built.source()).isEqualTo("<builder>");
    assertThat(built.data()).isEqualTo(parsed.data());
    assertThat(built.inputs()).isEqualTo(parsed.inputs());
    assertThat(built.parameters()).isEqualTo(parsed.parameters());
    assertThat(built.lets().toString()).isEqualTo(parsed.lets().toString());
    assertThat(built.prediction().toString()).isEqualTo(parsed.prediction().toString());
    assertThat(built.sampleLoss().toString()).isEqualTo(parsed.sampleLoss().toString());
    assertThat(built.penalty().toString()).isEqualTo(parsed.penalty().toString());
    assertThat(List.of(built.modelText(), built.lossText(), built.penaltyText()))
        .isEqualTo(List.of(parsed.modelText(), parsed.lossText(), parsed.penaltyText()));
  }

  @Test
  void linesAreReadInCallOrder() {
    BuiltLines lines = new BuiltLines();
    lines.target("y");
    lines.param("w", List.of(), new Initializer.Constant(0));
    lines.let("g", List.of(), name("h"));
    lines.let("h", List.of(), name("w"));
    lines.model(null, List.of(), name("g"), "g");

    assertThrows(IllegalStateException.class, () -> lines.check("m", "<builder>", WORDING));
    LineScope.Refused refused = (LineScope.Refused) lookups.get(0);
    assertThat(refused.refusal()).isEqualTo(UseRules.Refusal.NOT_YET_DECLARED);
    assertThat(refused.role()).isEqualTo(UseRules.Role.LET);
    assertThat(refused.line()).isEqualTo(4); // the fourth call declares h
  }

  @Test
  void thePenaltysLetsAreOfParamsOnlyByTheSharedRule() {
    BuiltLines lines = new BuiltLines();
    lines.input("x", List.of(2), List.of("a", "b"));
    lines.target("y");
    lines.param("w", List.of(), new Initializer.Constant(0));
    lines.let("s", List.of(), (nodes, scope, indices) -> nodes.apply(Op.MUL,
        value(scope, "w"), IndexedNodes.scalar(((LineScope.Found) scope.lookup("x")).value()
            .elements().get(1))));
    lines.model(null, List.of(), name("s"), "s");
    lines.penalty(name("s"), "s");

    assertThrows(IllegalStateException.class, () -> lines.check("m", "<builder>", WORDING));
    LineScope.Refused refused = (LineScope.Refused) lookups.get(lookups.size() - 1);
    assertThat(refused.refusal()).isEqualTo(UseRules.Refusal.LET_NOT_OF_PARAMETERS);
    assertThat(refused.nonParameter()).isEqualTo("an input 'x'");
  }

  @Test
  void whatIsMissingIsSaidBeforeAnyLineIsRead() {
    BuiltLines lines = new BuiltLines();
    lines.param("w", List.of(), new Initializer.Constant(0));
    lines.model(null, List.of(), (nodes, scope, indices) -> {
      throw new AssertionError("a line was read");
    }, "w");

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> lines.check("m", "<builder>", WORDING));
    assertThat(e).hasMessageThat().isEqualTo("missing TARGET");
  }

  @Test
  void aNameIsDeclaredOnceWhicheverFrontEndAsks() {
    BuiltLines lines = new BuiltLines();
    lines.input("x", List.of(2), List.of("a", "b"));

    assertThat(lines.conflict("x", UseRules.Role.PARAM).clash())
        .isEqualTo(org.symgrad.compiler.model.Namespace.Clash.OTHER_ROLE);
    assertThat(lines.conflict("a", UseRules.Role.PARAM).owner()).isEqualTo("x");
    assertThat(lines.columnConflict("b").first()).isEqualTo(UseRules.Role.INPUT);
    assertThat(lines.conflict("w", UseRules.Role.PARAM)).isNull();
  }
}
