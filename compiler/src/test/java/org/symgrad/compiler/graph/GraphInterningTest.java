package org.symgrad.compiler.graph;

import static com.google.common.truth.Truth.assertThat;

import java.lang.reflect.Constructor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The graph's interning key, whose equals and hashCode are written out (to spare the start-up
 * the method handles a record's own are linked with): the same nodes as before, and the hash a
 * record of the same components gives.
 */
class GraphInterningTest {
  private record KeyShape(Op op, List<Node> inputs, long valueBits, String name) {}

  private final Graph g = new Graph();
  private final Node x = g.variable("x");
  private final Node y = g.variable("y");

  @Test
  void equalExpressionsAreOneNodeAndOthersAreNot() {
    assertThat(g.variable("x")).isSameInstanceAs(x);
    assertThat(g.mul(x, y)).isSameInstanceAs(g.mul(x, y));
    assertThat(g.mul(x, y)).isNotSameInstanceAs(g.mul(y, x));
    assertThat(g.apply(Op.SIN, x)).isNotSameInstanceAs(g.apply(Op.COS, x));
    assertThat(g.constant(2)).isSameInstanceAs(g.constant(2.0));
    assertThat(g.constant(0.0)).isNotSameInstanceAs(g.constant(-0.0)); // by bits
    assertThat(g.constant(Double.NaN)).isSameInstanceAs(g.constant(0.0 / 0.0));
    int before = g.size();
    g.mul(x, y);
    g.variable("y");
    assertThat(g.size()).isEqualTo(before);
  }

  @Test
  void theKeyHashesAndComparesAsARecord() throws ReflectiveOperationException {
    Constructor<?> key = Class.forName(Graph.class.getName() + "$Key")
        .getDeclaredConstructor(Op.class, List.class, long.class, String.class);
    key.setAccessible(true);
    List<List<Node>> inputs = List.of(List.of(), List.of(x), List.of(x, y));
    for (Op op : new Op[] {Op.VAR, Op.CONST, Op.MUL}) {
      for (List<Node> in : inputs) {
        for (String name : new String[] {"x", null}) {
          long bits = Double.doubleToLongBits(-2.5);
          Object k = key.newInstance(op, in, bits, name);
          assertThat(k.hashCode()).isEqualTo(new KeyShape(op, in, bits, name).hashCode());
          assertThat(k).isEqualTo(key.newInstance(op, List.copyOf(in), bits, name));
          assertThat(k).isNotEqualTo(key.newInstance(op, in, bits + 1, name));
          assertThat(k).isNotEqualTo(key.newInstance(op, in, bits, name == null ? "y" : null));
          assertThat(k).isNotEqualTo(key.newInstance(op == Op.MUL ? Op.VAR : Op.MUL, in, bits,
              name));
          assertThat(k).isNotEqualTo(key.newInstance(op, List.of(y), bits, name));
        }
      }
    }
  }
}
