package org.symgrad.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import org.symgrad.io.JsonValues;

/**
 * The JSON the command prints: one object on one line, non-finite numbers as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, as the contract in docs/design.md says.
 */
final class Json {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /**
   * For reading. Writing goes through a bare generator instead: an {@code ObjectMapper} costs
   * a command's start tens of milliseconds (date formats, locale data) that printing a tree of
   * numbers and strings does not need.
   */
  static ObjectMapper mapper() {
    return Mapper.MAPPER;
  }

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

  /** {@code node} on one line, as {@code ObjectMapper.writeValueAsString} writes it. */
  static String line(JsonNode node) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = Generators.FACTORY.createGenerator(text)) {
      write(node, generator);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write JSON", e);
    }
    return text.toString();
  }

  private static void write(JsonNode node, JsonGenerator out) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        out.writeStartObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          out.writeFieldName(field.getKey());
          write(field.getValue(), out);
        }
        out.writeEndObject();
      }
      case ARRAY -> {
        out.writeStartArray();
        for (JsonNode element : node) {
          write(element, out);
        }
        out.writeEndArray();
      }
      case NUMBER -> writeNumber(node, out);
      case STRING -> out.writeString(node.textValue());
      case BOOLEAN -> out.writeBoolean(node.booleanValue());
      case NULL -> out.writeNull();
      default -> throw new IllegalArgumentException("not printable as JSON: " + node.getNodeType());
    }
  }

  private static void writeNumber(JsonNode node, JsonGenerator out) throws IOException {
    if (node.isInt()) {
      out.writeNumber(node.intValue());
    } else if (node.isLong()) {
      out.writeNumber(node.longValue());
    } else if (node.isBigInteger()) {
      out.writeNumber(node.bigIntegerValue());
    } else if (node.isBigDecimal()) {
      out.writeNumber(node.decimalValue());
    } else if (node.isFloat()) {
      out.writeNumber(node.floatValue());
    } else {
      out.writeNumber(node.doubleValue());
    }
  }

  /** Made on first use, so that a command that only reads JSON never makes one. */
  private static final class Generators {
    static final JsonFactory FACTORY = new JsonFactory();
  }

  /** Made on first use, so that a command that only writes JSON never makes one. */
  private static final class Mapper {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
