package org.symgrad.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;

/** Parameters as JSON: {@code {"w": 5.37, "b": -17.3}}, vector parameters as arrays. */
final class Parameters {
  private Parameters() {}

  static ObjectNode toJson(ModelInfo model, double[] values) {
    ObjectNode params = Json.object();
    for (ParameterInfo p : model.parameters()) {
      if (p.isScalar()) {
        params.set(p.name(), Json.number(values[p.offset()]));
      } else {
        ArrayNode array = params.putArray(p.name());
        for (int i = 0; i < p.size(); i++) {
          array.add(Json.number(values[p.offset() + i]));
        }
      }
    }
    return params;
  }

  /** The flat parameter array from {@code {"w": …}}; every parameter must be there. */
  static double[] fromJson(JsonNode params, ModelInfo model, String shownName) {
    if (params == null || !params.isObject()) {
      throw new UsageException(shownName + ": error: expected \"params\": {name: value, …}");
    }
    double[] values = new double[model.parameterCount()];
    List<String> missing = new ArrayList<>();
    for (ParameterInfo p : model.parameters()) {
      JsonNode value = params.get(p.name());
      if (value == null) {
        missing.add(p.name());
        continue;
      }
      if (p.isScalar()) {
        values[p.offset()] = Json.toDouble(value);
      } else {
        if (!value.isArray() || value.size() != p.size()) {
          throw new UsageException(shownName + ": error: \"" + p.name() + "\" must be an array"
              + " of " + p.size() + " numbers");
        }
        for (int i = 0; i < p.size(); i++) {
          values[p.offset() + i] = Json.toDouble(value.get(i));
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new UsageException(shownName + ": error: no value for parameter"
          + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing));
    }
    List<String> unknown = new ArrayList<>();
    params.fieldNames().forEachRemaining(name -> {
      if (model.parameters().stream().noneMatch(p -> p.name().equals(name))) {
        unknown.add(name);
      }
    });
    if (!unknown.isEmpty()) {
      throw new UsageException(shownName + ": error: the model has no parameter "
          + String.join(", ", unknown) + "; its parameters are "
          + String.join(", ", model.parameters().stream().map(ParameterInfo::name).toList()));
    }
    return values;
  }
}
