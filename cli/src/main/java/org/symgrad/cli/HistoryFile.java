package org.symgrad.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.symgrad.io.OutputFiles;
import org.symgrad.runtime.train.EpochListener;
import org.symgrad.runtime.train.EpochReport;

/**
 * {@code fit --history}: one record an epoch (epoch, train loss, validation loss, learning
 * rate), written as the fit runs, so memory does not grow with the epochs; as CSV, or as JSON
 * lines for a name ending in {@code .jsonl}. The file takes its place only when the fit ends.
 */
final class HistoryFile implements EpochListener, AutoCloseable {
  private final OutputFiles.Pending file;
  private final boolean jsonLines;
  private final OutputStream out;

  private HistoryFile(OutputFiles.Pending file, boolean jsonLines) {
    this.file = file;
    this.jsonLines = jsonLines;
    this.out = file.stream();
  }

  static HistoryFile open(Path path) {
    HistoryFile history = new HistoryFile(OutputFiles.open(path, "--history"),
        path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl"));
    if (!history.jsonLines) {
      history.write("epoch,train_loss,val_loss,lr\n");
    }
    return history;
  }

  @Override
  public void onEpoch(EpochReport report) {
    Double val = report.valLoss();
    if (jsonLines) {
      var record = Json.object();
      record.put("epoch", report.epoch());
      record.set("train_loss", Json.number(report.trainLoss()));
      if (val == null) {
        record.putNull("val_loss");
      } else {
        record.set("val_loss", Json.number(val));
      }
      record.set("lr", Json.number(report.learningRate()));
      write(Json.line(record) + "\n");
    } else {
      // CSV: an empty cell where there is no validation loss; doubles as Java prints them.
      write(report.epoch() + "," + report.trainLoss() + "," + (val == null ? "" : val) + ","
          + report.learningRate() + "\n");
    }
  }

  private void write(String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts the history in its place. */
  void commit() {
    file.commit();
  }

  @Override
  public void close() {
    file.close();
  }
}
