package org.symgrad.cli;

import static com.google.common.truth.Truth.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Json#line} prints a tree exactly as Jackson's {@code ObjectMapper} would. */
class JsonLineTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void everyKindOfNodeIsPrintedAsTheObjectMapperPrintsIt() throws Exception {
    ObjectNode node = Json.object();
    node.put("double", 5.367089798058013).put("negative zero", -0.0).put("tiny", 4.9e-324)
        .put("int", 7).put("long", 1L << 40).put("float", 0.1f).put("true", true)
        .put("text", "a \"quoted\" line\nwith \u00e9, \u2028 and \u0001")
        .put("big integer", new BigInteger("123456789012345678901234567890"))
        .put("big decimal", new BigDecimal("1.50"))
        .putNull("null");
    node.set("not finite", Json.numbers(new double[] {Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 1.0}));
    ArrayNode nested = node.putArray("nested");
    nested.addObject().putObject("deeper").putArray("empty");
    nested.addArray().add(1).add("two").addNull();

    assertThat(Json.line(node)).isEqualTo(MAPPER.writeValueAsString(node));
  }

  @Test
  void randomNumbersAreWrittenToTheSameDigits() throws Exception {
    Random random = new Random(42);
    ArrayNode numbers = Json.array();
    for (int i = 0; i < 10_000; i++) {
      numbers.add(Double.longBitsToDouble(random.nextLong()));
    }
    assertThat(Json.line(numbers)).isEqualTo(MAPPER.writeValueAsString(numbers));
  }
}
