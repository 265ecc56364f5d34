package org.symgrad.runtime.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Whole fits PyTorch 1.13 recorded in float64 ({@code torch/fits.tsv}, made by {@code
 * make_fits.py} beside it), so that a test quoting torch's end point reads it from the record
 * rather than carrying a constant.
 *
 * @param params the parameters after the fit's last step
 * @param loss the loss at those parameters
 */
public record TorchFits(double[] params, double loss) {

  /** The fit recorded as {@code caseName}, e.g. {@code thermometer_sgd_5000}. */
  public static TorchFits of(String caseName) {
    try (InputStream in = TorchFits.class.getResourceAsStream("/torch/fits.tsv")) {
      if (in == null) {
        throw new IllegalStateException("torch/fits.tsv is not on the test class path");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] cells = line.split("\t");
        if (cells[0].equals(caseName)) {
          double[] params = Arrays.stream(cells[5].split(" "))
              .mapToDouble(Double::parseDouble).toArray();
          return new TorchFits(params, Double.parseDouble(cells[6]));
        }
      }
      throw new IllegalArgumentException("no case " + caseName + " in torch/fits.tsv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
