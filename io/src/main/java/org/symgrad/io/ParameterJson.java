package org.symgrad.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;

/** Parameters as JSON: {@code {"w": 5.37, "b": -17.3}}, vector parameters as arrays. */
public final class ParameterJson {
  private ParameterJson() {}

  public static ObjectNode toJson(ModelInfo model, double[] values) {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    for (ParameterInfo p : model.parameters()) {
      if (p.isScalar()) {
        params.set(p.name(), JsonValues.number(values[p.offset()]));
      } else {
        ArrayNode array = params.putArray(p.name());
        for (int i = 0; i < p.size(); i++) {
          array.add(JsonValues.number(values[p.offset() + i]));
        }
      }
    }
    return params;
  }

  /**
   * The flat parameter array from {@code {"w": …}}: every parameter of {@code model} there,
   * with its shape, and no other; else refused, naming what does not fit.
   */
  public static double[] fromJson(JsonNode params, ModelInfo model, String shownName) {
    String prefix = shownName + ": error: ";
    if (params == null || !params.isObject()) {
      throw new BadFileException(prefix + "expected \"params\": {name: value, …}");
    }
    List<String> fileNames = new ArrayList<>();
    params.fieldNames().forEachRemaining(fileNames::add);
    // Both lists: "no value for a, c; the model's are a, c" would not say what the file has.
    String theirs = "; the model's parameters are " + shapes(model) + ", the file's "
        + (fileNames.isEmpty() ? "none" : Quote.names(fileNames));
    double[] values = new double[model.parameterCount()];
    List<String> missing = new ArrayList<>();
    for (ParameterInfo p : model.parameters()) {
      JsonNode value = params.get(p.name());
      if (value == null) {
        missing.add(p.name());
        continue;
      }
      try {
        if (p.isScalar()) {
          if (value.isArray()) {
            throw new BadFileException(prefix + "\"" + p.name() + "\" is an array of "
                + value.size() + ", the model's is one number" + theirs
                + " (a fit of another model?)");
          }
          values[p.offset()] = JsonValues.toDouble(value);
        } else {
          if (!value.isArray() || value.size() != p.size()) {
            throw new BadFileException(prefix + "\"" + p.name() + "\" must be an array of "
                + p.size() + " numbers" + theirs + " (a fit of another model?)");
          }
          for (int i = 0; i < p.size(); i++) {
            values[p.offset() + i] = JsonValues.toDouble(value.get(i));
          }
        }
      } catch (IllegalArgumentException e) {
        throw new BadFileException(prefix + "\"" + p.name() + "\": " + e.getMessage());
      }
    }
    if (!missing.isEmpty()) {
      throw new BadFileException(prefix + "no value for parameter"
          + (missing.size() == 1 ? " " : "s ") + Quote.names(missing)
          + theirs + " (a fit of another model?)");
    }
    List<String> unknown = new ArrayList<>(fileNames);
    unknown.removeAll(model.parameterNames());
    if (!unknown.isEmpty()) {
      throw new BadFileException(prefix + "the model has no parameter "
          + Quote.names(unknown) + theirs + " (a fit of another model?)");
    }
    return values;
  }

  private static String shapes(ModelInfo model) {
    List<String> shapes = new ArrayList<>();
    for (ParameterInfo p : model.parameters()) {
      shapes.add(p.isScalar() ? p.name() : p.name() + "[" + p.size() + "]");
    }
    return Quote.names(shapes);
  }
}
