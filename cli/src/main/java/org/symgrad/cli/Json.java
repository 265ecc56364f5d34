package org.symgrad.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON the command prints: one object on one line, non-finite numbers as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, as the contract in docs/design.md says.
 */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** A number, or its name as a string when it is not finite. */
  static JsonNode number(double value) {
    if (Double.isNaN(value)) {
      return NODES.textNode("NaN");
    }
    if (Double.isInfinite(value)) {
      return NODES.textNode(value > 0 ? "Infinity" : "-Infinity");
    }
    return NODES.numberNode(value);
  }

  /** A number array, non-finite elements as strings. */
  static ArrayNode numbers(double[] values) {
    ArrayNode array = array();
    for (double value : values) {
      array.add(number(value));
    }
    return array;
  }

  /** Reads a number written by {@link #number}. */
  static double toDouble(JsonNode node) {
    if (node.isTextual()) {
      return switch (node.asText()) {
        case "NaN" -> Double.NaN;
        case "Infinity" -> Double.POSITIVE_INFINITY;
        case "-Infinity" -> Double.NEGATIVE_INFINITY;
        default -> throw new IllegalArgumentException("not a number: \"" + node.asText() + "\"");
      };
    }
    if (!node.isNumber()) {
      throw new IllegalArgumentException("not a number: " + node);
    }
    return node.asDouble();
  }

  /** {@code node} on one line. */
  static String line(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
