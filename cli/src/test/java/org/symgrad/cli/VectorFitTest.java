package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code symgrad fit} on the vector samples, and the data errors only classifiers have. */
class VectorFitTest {
  private static final Path SAMPLES = Path.of("..", "samples");
  private static final String SOFTMAX = SAMPLES.resolve("softmax/blobs.sg").toString();

  @TempDir
  Path folder;

  @Test
  void theSoftmaxSampleFitsItsThreeClasses() throws Exception {
    CommandRun run = CommandRun.of("fit", SOFTMAX, "--optimizer", "adam", "--lr", "0.05",
        "--epochs", "300", "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    JsonNode result = Json.mapper().readTree(run.lastOutLine());
    assertThat(result.get("params").get("W").size()).isEqualTo(6);
    assertThat(result.get("params").get("c").size()).isEqualTo(3);
    assertThat(result.get("val_loss").asDouble()).isLessThan(0.15);
  }

  @Test
  void theChapterSixNetworkFitsTheThermometer() throws Exception {
    CommandRun run = CommandRun.of("fit",
        SAMPLES.resolve("thermometer_mlp/thermometer_mlp.sg").toString(), "--lr", "1e-3",
        "--epochs", "2000", "--val-fraction", "0", "--json");

    assertThat(run.exitCode()).isEqualTo(0);
    JsonNode result = Json.mapper().readTree(run.lastOutLine());
    assertThat(result.get("params").get("W1").size()).isEqualTo(13);
    assertThat(result.get("train_loss").asDouble()).isLessThan(5);
  }

  @Test
  void linearAndLogisticSamplesFit() throws Exception {
    for (String sample : new String[] {"linear_regression/advertising.sg", "logistic/exams.sg"}) {
      CommandRun run = CommandRun.of("fit", SAMPLES.resolve(sample).toString(), "--optimizer",
          "adam", "--lr", "0.05", "--epochs", "500", "--json");
      assertThat(run.exitCode()).isEqualTo(0);
      assertThat(Json.mapper().readTree(run.lastOutLine()).get("val_loss").asDouble())
          .isLessThan(0.35);
    }
  }

  @Test
  void aLabelThatIsNoClassIsADataError() throws Exception {
    CommandRun run = CommandRun.of("fit", softmaxWithData("x0,x1,label\n1,2,0\n3,4,3\n5,6,1\n"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("data.csv:3:5: error: '3' in column 'label' is not a class: "
        + "cross_entropy over 3 outputs needs 0, 1 or 2");
    CommandRun fraction = CommandRun.of("fit",
        softmaxWithData("x0,x1,label\n1,2,0\n3,4, 1.5\n"));
    assertThat(fraction.err()).contains("data.csv:3:6: error: '1.5' in column 'label' is not a "
        + "class");
    CommandRun negative = CommandRun.of("fit", softmaxWithData("x0,x1,label\n1,2,-1\n"));
    assertThat(negative.err()).contains("data.csv:2:5: error: '-1' in column 'label'");
  }

  @Test
  void aMissingColumnOfAVectorInputIsNamed() throws Exception {
    CommandRun run = CommandRun.of("fit", softmaxWithData("x0,label\n1,0\n3,1\n"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("data.csv:1:1: error: missing column 'x1' (an input)");
  }

  private String softmaxWithData(String csv) throws Exception {
    Path model = folder.resolve("model.sg");
    Files.writeString(model, Files.readString(Path.of(SOFTMAX))
        .replace("data    blobs.csv", "data    data.csv"));
    Files.writeString(folder.resolve("data.csv"), csv);
    return model.toString();
  }
}
