package org.edward4j.examples.variational;

/** The argument checks of the scripts' settings records, with messages naming the setting. */
final class Checks {

  private Checks() {}

  /**
   * Rejects a value below 1.
   *
   * @param name the setting's name
   * @param value its value
   * @throws IllegalArgumentException naming the setting, the rule and the value
   */
  static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("`" + name + "` must be at least 1, got " + value);
    }
  }

  /**
   * Rejects a value that is not finite and above 0.
   *
   * @param name the setting's name
   * @param value its value
   * @throws IllegalArgumentException naming the setting, the rule and the value
   */
  static void positive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException("`" + name + "` must be a finite number above 0, got " + value);
    }
  }
}
