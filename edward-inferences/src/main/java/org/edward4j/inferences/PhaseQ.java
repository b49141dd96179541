package org.edward4j.inferences;

import java.util.Arrays;
import java.util.Locale;

/** How {@link WakeSleep} updates the recognition model q: Edward's {@code phase_q} argument. */
public enum PhaseQ {
  /** Fit q to the model's fantasies {@code (z, x) ~ p}: Edward's default {@code "sleep"}. */
  SLEEP,
  /** Fit q to its own samples on the real data, Edward's {@code "wake"}. */
  WAKE;

  /**
   * Parses Edward's spelling, case-insensitively.
   *
   * @param name {@code "sleep"} or {@code "wake"}
   * @return the phase
   * @throws IllegalArgumentException naming the valid values
   */
  public static PhaseQ parse(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (PhaseQ p : values()) {
      if (p.name().toLowerCase(Locale.ROOT).equals(key)) {
        return p;
      }
    }
    throw new IllegalArgumentException("`phaseQ` must be one of "
        + Arrays.stream(values()).map(p -> "\"" + p.name().toLowerCase(Locale.ROOT) + "\"").toList() + ", got " + name);
  }
}
