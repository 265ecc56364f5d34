package org.symgrad.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.symgrad.compiler.Symgrad;
import org.symgrad.runtime.CompiledModel;
import org.symgrad.runtime.train.FitMany;
import org.symgrad.runtime.train.Trainer;
import org.symgrad.runtime.train.TrainerOptions;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.symgrad.runtime.parallel.ChunkedKernels;

/**
 * Not a test: wall-clock figures for spark/BENCHMARK.md. Run from the worktree after {@code
 * mvn -B -q -o -pl spark -am test-compile package -DskipTests}:
 * <pre>
 * java $OPENS -cp spark/target/test-classes:spark/target/symgrad-spark.jar:$(cat
 *   spark/target/spark-classpath.txt) org.symgrad.spark.SparkBench GROUPS EPOCHS ROWS
 * </pre>
 * (1) GROUPS thermometer-sized fits (11 rows each, SGD, EPOCHS epochs, no validation split,
 * as the thermometer is too small for one) with FitMany on 2 threads, then with
 * SymgradSpark.fitGroups on local[2]; (2) the time per epoch of a data-parallel fit of ROWS
 * rows on local[2].
 */
public final class SparkBench {
  private static final String THERMOMETER = """
      input   t_u
      target  t_c
      param   w = 1.0
      param   b = 0.0
      let     t_un = 0.1 * t_u
      model   w * t_un + b
      loss    mse
      """;
  private static final int ROWS_PER_GROUP = 11;

  private SparkBench() {}

  public static void main(String[] args) {
    int groups = Integer.parseInt(args[0]);
    int epochs = Integer.parseInt(args[1]);
    long rows = Long.parseLong(args[2]);
    FitSpec spec = FitSpec.defaults().withEpochs(epochs).withValidationFraction(0.0);

    // Single JVM: FitMany on 2 threads, data generated the same way (not timed).
    CompiledModel model = Symgrad.compile(Symgrad.parse(THERMOMETER, "model.sg"));
    List<org.symgrad.runtime.Dataset> sets = new ArrayList<>(groups);
    Random random = new Random(1);
    for (int g = 0; g < groups; g++) {
      double[][] columns = new double[2][ROWS_PER_GROUP];
      for (int r = 0; r < ROWS_PER_GROUP; r++) {
        columns[0][r] = 20 + 60 * random.nextDouble();
        columns[1][r] = 0.5556 * columns[0][r] - 17.8 + random.nextGaussian();
      }
      sets.add(new org.symgrad.runtime.Dataset(List.of("t_u", "t_c"), columns));
    }
    Trainer trainer = new Trainer(spec.trainerOptions());
    long start = System.nanoTime();
    FitMany.fitAll(trainer, model, sets, model.info().initialParameters(0),
        () -> spec.newOptimizer(2), 2);
    double fitMany = (System.nanoTime() - start) / 1e9;
    report("FitMany, 2 threads", groups, fitMany);

    SparkSession spark = SparkSession.builder().master("local[2]").appName("symgrad bench")
        .config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    Dataset<Row> warmup = groups(spark, 2000);
    SymgradSpark.fitGroups(warmup, THERMOMETER, "g", spec).count(); // JIT, compile, first jobs
    Dataset<Row> grouped = groups(spark, groups);
    start = System.nanoTime();
    long fitted = SymgradSpark.fitGroups(grouped, THERMOMETER, "g", spec)
        .where(col("error").isNull()).count();
    double sparkGroups = (System.nanoTime() - start) / 1e9;
    report("Spark local[2] fitGroups (" + fitted + " without error)", groups, sparkGroups);

    Dataset<Row> big = spark.range(0, rows, 1, 2)
        .select(rand(3).multiply(60).plus(20).as("t_u"))
        .withColumn("t_c", col("t_u").multiply(0.5556).minus(17.8).plus(randn(4)));
    // The blocks and the epoch's job as DataParallelFit makes them, timed apart.
    start = System.nanoTime();
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<int[]> none = context.broadcast(new int[0]);
    List<String> columns = List.of("t_u", "t_c");
    JavaRDD<ChunkBlock> blocks = ChunkBlocks.of(
        big.select(InputColumns.asDoubles(columns)).javaRDD(), 2, none);
    double load = (System.nanoTime() - start) / 1e9;
    Evaluator evaluator = new Evaluator(blocks, (ChunkedKernels) model, THERMOMETER, "model.sg",
        (int) rows, 0);
    double[] params = {1.0, 0.0};
    double[] grad = new double[2];
    for (int i = 0; i < 3; i++) {
      evaluator.at(params, grad, false);
    }
    int timed = 10;
    start = System.nanoTime();
    for (int i = 0; i < timed; i++) {
      evaluator.at(params, grad, false);
    }
    double perEpoch = (System.nanoTime() - start) / 1e9 / timed;
    System.out.printf("data-parallel, %d rows, local[2]: %.1f s to load and cache the chunks, "
        + "%.3f s per epoch, %.1f ns per row per epoch%n", rows, load, perEpoch,
        perEpoch * 1e9 / rows);

    // The same epoch in one JVM: the chunked pass on 2 threads (--threads 2), for scale.
    double[][] local = new double[2][(int) rows];
    Random r = new Random(5);
    for (int i = 0; i < rows; i++) {
      local[0][i] = 20 + 60 * r.nextDouble();
      local[1][i] = 0.5556 * local[0][i] - 17.8 + r.nextGaussian();
    }
    org.symgrad.runtime.parallel.ParallelObjective objective =
        new org.symgrad.runtime.parallel.ParallelObjective((ChunkedKernels) model, 2);
    org.symgrad.runtime.Batch batch = org.symgrad.runtime.Batch.of(local, (int) rows);
    for (int i = 0; i < 3; i++) {
      objective.lossAndGradient(params, batch, grad);
    }
    start = System.nanoTime();
    for (int i = 0; i < timed; i++) {
      objective.lossAndGradient(params, batch, grad);
    }
    double single = (System.nanoTime() - start) / 1e9 / timed;
    System.out.printf("single JVM, %d rows, 2 threads: %.4f s per epoch, %.2f ns per row%n",
        rows, single, single * 1e9 / rows);
    spark.stop();
  }

  private static Dataset<Row> groups(SparkSession spark, int count) {
    Dataset<Row> grouped = spark.range(0, (long) count * ROWS_PER_GROUP, 1, 2)
        .select(floor(col("id").divide(ROWS_PER_GROUP)).as("g"),
            rand(1).multiply(60).plus(20).as("t_u"))
        .withColumn("t_c", col("t_u").multiply(0.5556).minus(17.8).plus(randn(2)))
        .cache();
    grouped.count(); // the input in memory, as FitMany's is
    return grouped;
  }

  private static void report(String what, int groups, double seconds) {
    System.out.printf("%s: %d fits in %.2f s, %.0f fits/s%n", what, groups, seconds,
        groups / seconds);
  }
}
