package org.symgrad.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The one local SparkSession of the module's tests, and the data they share. */
final class TestSpark {
  static final String THERMOMETER = """
      input   t_u
      target  t_c
      param   w = 1.0
      param   b = 0.0
      let     t_un = 0.1 * t_u
      model   w * t_un + b
      loss    mse
      """;

  static final String LINEAR3 = """
      input   x[3] = a, b, c
      target  y
      param   w[3]
      param   bias
      model   sum(j, w[j] * x[j]) + bias
      loss    mse
      """;

  /** A nonlinear least-squares model: exponential decay to a floor. */
  static final String DECAY = """
      input   t
      target  y
      param   a = 1.0
      param   k = 0.1
      param   c = 0.0
      model   a * exp(-k * t) + c
      loss    mse
      """;

  private static SparkSession session;

  private TestSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("symgrad-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.default.parallelism", "4")
          .getOrCreate();
      session.sparkContext().setLogLevel("ERROR");
    }
    return session;
  }

  /** Rows in this order and these partitions. */
  static Dataset<Row> frame(List<Row> rows, StructType schema, int partitions) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(session().sparkContext());
    return session().createDataFrame(context.parallelize(rows, partitions), schema);
  }

  /** Thermometer readings {@code (t_u, t_c)}: Celsius from a skewed scale, with noise. */
  static List<Row> thermometerRows(int count, long seed, double slope, double offset) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double tu = 20 + 60 * random.nextDouble();
      rows.add(RowFactory.create(tu, slope * tu + offset + random.nextGaussian()));
    }
    return rows;
  }

  /** Readings {@code (t, y)} of {@code a e^(-k t) + c} with noise of deviation 0.05. */
  static List<Row> decayRows(int count, long seed, double a, double k, double c) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double t = 10 * random.nextDouble();
      rows.add(RowFactory.create(t, a * Math.exp(-k * t) + c + 0.05 * random.nextGaussian()));
    }
    return rows;
  }

  static StructType decaySchema() {
    return DataTypes.createStructType(List.of(
        DataTypes.createStructField("t", DataTypes.DoubleType, true),
        DataTypes.createStructField("y", DataTypes.DoubleType, true)));
  }

  static StructType thermometerSchema() {
    return DataTypes.createStructType(List.of(
        DataTypes.createStructField("t_u", DataTypes.DoubleType, true),
        DataTypes.createStructField("t_c", DataTypes.DoubleType, true)));
  }
}
