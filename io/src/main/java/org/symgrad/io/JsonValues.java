package org.symgrad.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Numbers in symgrad's JSON: finite ones as JSON numbers, the others as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, as DESIGN.md's contract says.
 */
public final class JsonValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonValues() {}

  /** A number, or its name as a string when it is not finite. */
  public static JsonNode number(double value) {
    if (Double.isNaN(value)) {
      return NODES.textNode("NaN");
    }
    if (Double.isInfinite(value)) {
      return NODES.textNode(value > 0 ? "Infinity" : "-Infinity");
    }
    return NODES.numberNode(value);
  }

  /** A number array, non-finite elements as strings. */
  public static ArrayNode numbers(double[] values) {
    ArrayNode array = NODES.arrayNode(values.length);
    for (double value : values) {
      array.add(number(value));
    }
    return array;
  }

  /**
   * Reads a number written by {@link #number}.
   *
   * @throws IllegalArgumentException when {@code node} is neither
   */
  public static double toDouble(JsonNode node) {
    if (node != null && node.isTextual()) {
      return switch (node.asText()) {
        case "NaN" -> Double.NaN;
        case "Infinity" -> Double.POSITIVE_INFINITY;
        case "-Infinity" -> Double.NEGATIVE_INFINITY;
        default -> throw new IllegalArgumentException("not a number: "
            + Quote.of(node.asText()));
      };
    }
    if (node == null || !node.isNumber()) {
      throw new IllegalArgumentException("not a number: "
          + (node == null ? "nothing" : Quote.of(node.toString())));
    }
    return node.asDouble();
  }
}
