package org.edward4j.inferences.latent;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a latent search's networks get their trained weights: TF-GAN's {@code
 * WarmStartSettings(ckpt_to_initialize_from, vars_to_warm_start)}. Without one, the networks keep
 * their initializers' values (TF-GAN allows no warm start).
 *
 * <pre>{@code
 * WarmStart all = WarmStart.from(Path.of("out/gan/checkpoints"));
 * WarmStart generatorOnly = WarmStart.from(Path.of("out/gan/checkpoints")).onlyVariables("Gen/.*");
 * }</pre>
 *
 * @param checkpoint a checkpoint directory or prefix
 * @param variables a regular expression the restored variables' full names must match, as TF's
 *     {@code vars_to_warm_start}; empty for every network variable
 */
public record WarmStart(Path checkpoint, Optional<Pattern> variables) {

  /**
   * Checks the settings.
   *
   * @throws NullPointerException for a null component
   */
  public WarmStart {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(variables, "variables");
  }

  /**
   * Every network variable from a checkpoint.
   *
   * @param checkpoint a checkpoint directory or prefix
   * @return the settings
   */
  public static WarmStart from(Path checkpoint) {
    return new WarmStart(checkpoint, Optional.empty());
  }

  /**
   * Only the variables whose full names match a regular expression.
   *
   * @param regex e.g. {@code "Gen/.*"}
   * @return new settings
   * @throws IllegalArgumentException if the expression does not compile
   */
  public WarmStart onlyVariables(String regex) {
    Objects.requireNonNull(regex, "regex");
    try {
      return new WarmStart(checkpoint, Optional.of(Pattern.compile(regex)));
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException("`regex` must be a regular expression, got " + regex + ": " + e.getDescription(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WarmStart w && checkpoint.equals(w.checkpoint)
        && variables.map(Pattern::pattern).equals(w.variables.map(Pattern::pattern));
  }

  @Override
  public int hashCode() {
    return Objects.hash(checkpoint, variables.map(Pattern::pattern));
  }

  @Override
  public String toString() {
    return "WarmStart(" + checkpoint + variables.map(p -> ", variables=" + p.pattern()).orElse("") + ")";
  }
}
