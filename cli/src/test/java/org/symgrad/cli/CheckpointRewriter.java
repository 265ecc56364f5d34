package org.symgrad.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rewrites a checkpoint with {@link org.symgrad.io.OutputFiles#write}, the write {@code fit
 * --save} makes, as fast as it can and with a new epoch each time, until it is killed: so
 * that a kill at a random moment almost always lands in the middle of a write. Prints {@code
 * writing} before the first and {@code wrote 2} after the second, so a test can wait for
 * progress however loaded the machine is; nothing after that, so a reader that stops reading
 * never blocks it on a full pipe. Run by {@code reliability.SaveCrashTest}.
 *
 * <pre>
 * java -cp … org.symgrad.cli.CheckpointRewriter CHECKPOINT.json
 * </pre>
 */
public final class CheckpointRewriter {
  private CheckpointRewriter() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    ObjectNode root = (ObjectNode) Json.mapper().readTree(Files.readString(file));
    int epoch = root.get("epoch").asInt();
    System.out.println("writing");
    System.out.flush();
    for (int written = 1; ; written++) {
      root.put("epoch", ++epoch);
      org.symgrad.io.OutputFiles.write(file, "--save",
          (Json.line(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (written == 2) {
        System.out.println("wrote 2");
        System.out.flush();
      }
    }
  }
}
