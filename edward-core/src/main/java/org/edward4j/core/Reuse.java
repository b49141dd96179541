package org.edward4j.core;

import java.util.Arrays;
import java.util.Locale;

/**
 * How {@link VariableScope#getVariable} treats a name that may already exist, as TF1's
 * {@code variable_scope(reuse=...)} does.
 */
public enum Reuse {
  /** Create only: asking for an existing name is an error (TF1 {@code reuse=False}). */
  CREATE,
  /** Reuse only: asking for a missing name is an error (TF1 {@code reuse=True}). */
  REUSE,
  /** Return the existing variable, or create it (TF1 {@code reuse=tf.AUTO_REUSE}). */
  AUTO_REUSE;

  /**
   * Parses Edward/TF1 spellings: {@code "create"}, {@code "false"}, {@code "reuse"}, {@code
   * "true"}, {@code "auto_reuse"}.
   *
   * @param name the mode, case-insensitive
   * @return the mode
   * @throws IllegalArgumentException naming the valid spellings
   */
  public static Reuse parse(String name) {
    if (name != null) {
      switch (name.trim().toLowerCase(Locale.ROOT)) {
        case "create":
        case "false":
          return CREATE;
        case "reuse":
        case "true":
          return REUSE;
        case "auto_reuse":
        case "auto-reuse":
          return AUTO_REUSE;
        default:
          break;
      }
    }
    throw new IllegalArgumentException(
        "`reuse` must be one of "
            + Arrays.toString(new String[] {"create", "reuse", "auto_reuse", "false", "true"})
            + ", got "
            + name);
  }
}
