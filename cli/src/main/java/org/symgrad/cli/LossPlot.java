package org.symgrad.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.symgrad.io.OutputFiles;
import org.symgrad.runtime.train.History;

/**
 * {@code --plot}: training and validation loss per epoch, on a log scale when they span more
 * than two decades, as a PNG.
 */
final class LossPlot {
  private static final double DECADES_FOR_LOG_SCALE = 2;

  private LossPlot() {}

  static void write(Path file, String modelName, History history) {
    if (history.size() == 0) {
      throw new UsageException("--plot " + file + ": no epoch ran, nothing to plot");
    }
    double[] epochs = IntStream.range(0, history.size())
        .mapToDouble(history::epoch).toArray(); // every stride-th epoch of a long fit
    XYChart chart = new XYChartBuilder().width(800).height(500)
        .title("symgrad fit: " + modelName).xAxisTitle("epoch").yAxisTitle("loss").build();
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setXAxisMin(0.0);
    double[] train = history.trainLosses();
    int[] shown = shownEpochs(history.size());
    chart.addSeries("training", pick(epochs, shown), finite(pick(train, shown)))
        .setMarker(SeriesMarkers.NONE);
    double[] all = train;
    if (history.hasValidation()) {
      double[] validation = history.valLosses();
      chart.addSeries("validation", pick(epochs, shown), finite(pick(validation, shown)))
          .setMarker(SeriesMarkers.NONE);
      all = IntStream.range(0, train.length * 2)
          .mapToDouble(i -> i < train.length ? train[i] : validation[i - train.length])
          .toArray();
    }
    double[] positive = Arrays.stream(all).filter(v -> v > 0 && Double.isFinite(v)).toArray();
    if (positive.length == all.length && positive.length > 0) {
      double min = Arrays.stream(positive).min().getAsDouble();
      double max = Arrays.stream(positive).max().getAsDouble();
      chart.getStyler().setYAxisLogarithmic(Math.log10(max / min) > DECADES_FOR_LOG_SCALE);
    }
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    try {
      BitmapEncoder.saveBitmap(chart, png, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UsageException("--plot " + file + ": cannot draw: " + e.getMessage());
    }
    OutputFiles.write(file, "--plot", png.toByteArray());
  }

  // At most about 500 points, the first and last always among them. Besides drawing faster,
  // this spaces the points unevenly, which keeps XChart on round tick values: with evenly
  // spaced points it puts a label at every few points (XChart issue 731).
  private static int[] shownEpochs(int size) {
    int stride = Math.max(1, size / 500);
    IntStream picked = IntStream.iterate(0, i -> i < size, i -> i + stride);
    return (size - 1) % stride == 0 ? picked.toArray()
        : IntStream.concat(picked, IntStream.of(size - 1)).toArray();
  }

  private static double[] pick(double[] values, int[] indices) {
    return Arrays.stream(indices).mapToDouble(i -> values[i]).toArray();
  }

  // XChart cannot draw NaN or infinity; a diverged tail is left out of the curve.
  private static double[] finite(double[] values) {
    return Arrays.stream(values).map(v -> Double.isFinite(v) ? v : Double.NaN).toArray();
  }
}
