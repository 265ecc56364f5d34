package org.symgrad.runtime.train;

import org.symgrad.runtime.ModelInfo;
import org.symgrad.runtime.ParameterInfo;

/** Names an element of the flat parameter array as the model writes it: {@code W[1,2]}. */
final class ParameterNames {
  private ParameterNames() {}

  static String of(ModelInfo info, int index) {
    for (ParameterInfo parameter : info.parameters()) {
      int within = index - parameter.offset();
      if (within < 0 || within >= parameter.size()) {
        continue;
      }
      return parameter.elementName(within);
    }
    return "parameter " + index;
  }
}
