package org.symgrad.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.symgrad.runtime.Dataset;

/** One read of a CSV file into a {@link Dataset}: the header, then the rows, checked. */
final class CsvTable {
  private final CsvReader reader;
  private final String file;
  private final Datasets.Columns wanted;
  private final CsvLimits limits;

  CsvTable(CsvReader reader, String file, Datasets.Columns wanted, CsvLimits limits) {
    this.reader = reader;
    this.file = file;
    this.wanted = wanted;
    this.limits = limits;
  }

  Dataset read() throws IOException {
    if (!reader.next()) {
      throw BadFileException.at(file, 1, 1, "the file is empty; expected a header line naming "
          + "the columns");
    }
    List<String> header = header();
    checkNames(header);
    List<String> names = wanted.select(header, file);
    // For each column of the file, where its values go, or -1 to skip it.
    int[] slot = new int[header.size()];
    Arrays.fill(slot, -1);
    java.util.Map<String, Integer> position = new java.util.HashMap<>();
    for (int c = 0; c < header.size(); c++) {
      position.put(header.get(c), c);
    }
    for (int k = 0; k < names.size(); k++) {
      slot[position.get(names.get(k))] = k;
    }
    int width = names.size();
    double[][] columns = new double[width][1024];
    int rows = 0;
    while (reader.next()) {
      if (reader.size() != header.size()) {
        throw reader.errorAtRecord("this row has " + reader.size() + " field"
            + (reader.size() == 1 ? "" : "s") + ", the header names " + header.size() + " ("
            + Quote.names(header) + ")");
      }
      if ((long) (rows + 1) * Math.max(1, width) > limits.mostValues()
          || rows == Integer.MAX_VALUE - 8) {
        throw reader.errorAtRecord("too much data: " + rows + " rows of " + width
            + " columns are read, the most this JVM keeps is " + limits.mostValues()
            + " values (an eighth of its heap; give it more with -Xmx)");
      }
      if (width > 0 && rows == columns[0].length) {
        int grown = (int) Math.min(Integer.MAX_VALUE - 8, 2L * rows);
        for (int k = 0; k < width; k++) {
          columns[k] = Arrays.copyOf(columns[k], grown);
        }
      }
      for (int f = 0; f < slot.length; f++) {
        if (slot[f] >= 0) {
          columns[slot[f]][rows] = number(f, names.get(slot[f]));
        }
      }
      rows++;
    }
    double[][] trimmed = new double[width][];
    for (int k = 0; k < width; k++) {
      trimmed[k] = Arrays.copyOf(columns[k], rows);
      columns[k] = null;
    }
    return new Dataset(names, trimmed);
  }

  private List<String> header() {
    List<String> names = new ArrayList<>(reader.size());
    for (int c = 0; c < reader.size(); c++) {
      names.add(reader.field(c));
    }
    return names;
  }

  /**
   * Refuses a blank or repeated name among the columns that are read. Only those: the others
   * are never parsed, so they may hold anything, names included (an export's two {@code id}
   * columns, a row-number column without a name); a read column named twice is refused,
   * since which of the two to read would be a guess.
   */
  private void checkNames(List<String> header) {
    Set<String> read = wanted.readNames();
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < header.size(); c++) {
      String name = header.get(c);
      if (read != null && !read.contains(name)) {
        continue;
      }
      if (name.isEmpty()) {
        throw reader.errorAt(c, "column " + (c + 1) + " of the header has no name");
      }
      if (!seen.add(name)) {
        throw reader.errorAt(c, "column " + Quote.of(name) + " appears twice in the header, "
            + "and it is read: which of the two to read would be ambiguous");
      }
    }
  }

  // Field f of the current row as a finite double, or an error at its place.
  private double number(int f, String column) {
    char[] chars = reader.chars();
    int from = reader.start(f);
    int to = reader.end(f);
    if (from == to) {
      throw reader.errorAt(f, "missing value in column " + Quote.of(column));
    }
    if (!Decimal.matches(chars, from, to)) {
      throw reader.errorAt(f, "not a number: " + Quote.of(reader.field(f)) + " in column "
          + Quote.of(column));
    }
    double value = JavaDoubleParser.parseDouble(chars, from, to - from);
    if (Double.isInfinite(value)) {
      throw reader.errorAt(f, Quote.of(reader.field(f)) + " is too large for a double, in "
          + "column " + Quote.of(column));
    }
    // Rounded to zero, as .sg files and grad --at refuse to (SG108): tested only when the
    // value is 0, so that other cells pay one comparison.
    if (value == 0 && Decimal.hasNonzeroDigit(chars, from, to)) {
      throw reader.errorAt(f, Quote.of(reader.field(f)) + " is too small for a double (the "
          + "smallest is 4.9e-324; it would be read as 0), in column " + Quote.of(column));
    }
    String problem = wanted.problem(column, value, reader.field(f));
    if (problem != null) {
      throw reader.errorAt(f, problem);
    }
    return value;
  }
}
