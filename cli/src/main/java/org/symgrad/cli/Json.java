package org.symgrad.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.symgrad.io.JsonValues;

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
    return JsonValues.number(value);
  }

  /** A number array, non-finite elements as strings. */
  static ArrayNode numbers(double[] values) {
    return JsonValues.numbers(values);
  }

  /** Reads a number written by {@link #number}. */
  static double toDouble(JsonNode node) {
    return JsonValues.toDouble(node);
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
