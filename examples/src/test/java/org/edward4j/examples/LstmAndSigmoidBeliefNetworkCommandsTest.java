package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bin/edward lstm} and {@code bin/edward sigmoid-belief-network} over bad flags: one line on
 * standard error naming the flag and the value, exit code 2, before any graph or data (no MNIST).
 */
class LstmAndSigmoidBeliefNetworkCommandsTest {

  static List<List<String>> badCommandLines() {
    return List.of(
        List.of("lstm", "--hidden", "0", "--hidden must be at least 1, got 0"),
        List.of("lstm", "--timesteps", "-3", "--timesteps must be at least 1, got -3"),
        List.of("lstm", "--lr", "NaN", "--lr must be a finite number above 0, got NaN"),
        List.of("lstm", "--batch", "x", "'x' is not an int"),
        List.of("sigmoid-belief-network", "--hidden-sizes", "300,0,50", "--hidden-sizes must be at least 1, got 0"),
        List.of("sigmoid-belief-network", "--train-samples", "0", "--train-samples must be at least 1, got 0"),
        List.of("sigmoid-belief-network", "--step-size", "-1", "--step-size must be a finite number above 0, got -1.0"),
        List.of("sigmoid-belief-network", "--iterations-per-epoch", "0",
            "--iterations-per-epoch must be at least 1, got 0"));
  }

  @ParameterizedTest
  @MethodSource("badCommandLines")
  void badFlagIsOneLineNamingIt(List<String> line) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = line.subList(0, 3).toArray(String[]::new);
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), ShutdownSignal.none(), args);
    assertEquals(2, code, err.toString());
    List<String> lines = err.toString().lines().toList();
    assertEquals(1, lines.size(), err.toString());
    assertTrue(lines.get(0).contains(line.get(3)), lines.get(0));
  }
}
