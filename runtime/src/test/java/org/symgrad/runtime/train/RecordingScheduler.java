package org.symgrad.runtime.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.symgrad.runtime.optim.LrScheduler;

/** Records the metric of every step and changes nothing. */
final class RecordingScheduler implements LrScheduler {
  final List<Double> metrics = new ArrayList<>();

  @Override
  public String name() {
    return "Recording";
  }

  @Override
  public void step(double metric) {
    metrics.add(metric);
  }

  @Override
  public Map<String, Double> state() {
    return Map.of("steps", (double) metrics.size());
  }

  @Override
  public void restore(Map<String, Double> state) {}
}
