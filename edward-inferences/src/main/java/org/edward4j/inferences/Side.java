package org.edward4j.inferences;

import java.util.Locale;

/**
 * Which side of an adversarial inference an update trains (the generator or the discriminator):
 * Edward's {@code variables="Gen"} or
 * {@code variables="Disc"} argument of {@code update}.
 */
public enum Side {
  /** The generator (and encoder): trainable variables outside {@code Disc} or under {@code Gen}. */
  GEN("Gen"),
  /** The discriminator or critic: trainable variables under {@code Disc}. */
  DISC("Disc");

  private final String scope;

  Side(String scope) {
    this.scope = scope;
  }

  /**
   * The variable scope name, {@code "Gen"} or {@code "Disc"}.
   *
   * @return the variable scope name, {@code "Gen"} or {@code "Disc"}
   */
  public String scope() {
    return scope;
  }

  /**
   * Parses Edward's spelling.
   *
   * @param name {@code "Gen"} or {@code "Disc"}, case-insensitive
   * @return the side
   * @throws IllegalArgumentException naming the valid values
   */
  public static Side parse(String name) {
    if (name != null) {
      switch (name.trim().toLowerCase(Locale.ROOT)) {
        case "gen":
          return GEN;
        case "disc":
          return DISC;
        default:
          break;
      }
    }
    throw new IllegalArgumentException("`variables` must be \"Gen\" or \"Disc\", got " + name);
  }
}
