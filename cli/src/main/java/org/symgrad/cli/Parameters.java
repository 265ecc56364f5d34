package org.symgrad.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.symgrad.io.ParameterJson;
import org.symgrad.runtime.ModelInfo;

/** Parameters as JSON: {@code {"w": 5.37, "b": -17.3}}, vector parameters as arrays. */
final class Parameters {
  private Parameters() {}

  static ObjectNode toJson(ModelInfo model, double[] values) {
    return ParameterJson.toJson(model, values);
  }

  /** The flat parameter array from {@code {"w": …}}; every parameter must be there. */
  static double[] fromJson(JsonNode params, ModelInfo model, String shownName) {
    return ParameterJson.fromJson(params, model, shownName);
  }
}
