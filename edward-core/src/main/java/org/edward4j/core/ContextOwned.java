package org.edward4j.core;

import java.util.Objects;
import java.util.Optional;
import org.tensorflow.Operand;

/**
 * A graph value that knows the {@link ModelContext} that made it: random variables, variables, and
 * placeholders made by {@link ModelContext#placeholder}. This is how an Edward-shaped constructor
 * such as {@code new GANInference(Map.of(x, xPh), discriminator)} finds its context: from its
 * inputs' owner, not from a registry of open contexts.
 */
public interface ContextOwned {

  /**
   * The context that made this value (and owns its graph).
   *
   * @return the owning context
   */
  ModelContext context();

  /**
   * The owner of the first {@link ContextOwned} operand, after checking that every operand lives in
   * that owner's graph.
   *
   * @param operands the operands to search, in order; nulls are rejected
   * @param argument the argument's name, for error messages
   * @return the owner, or empty when no operand knows its context
   * @throws IllegalArgumentException if operands come from different contexts
   * @throws IllegalStateException if the owner is closed
   */
  static Optional<ModelContext> ownerOf(Iterable<? extends Operand<?>> operands, String argument) {
    Objects.requireNonNull(operands, argument);
    ModelContext owner = null;
    for (Operand<?> x : operands) {
      Objects.requireNonNull(x, () -> "`" + argument + "` has a null element");
      if (x instanceof ContextOwned o) {
        owner = o.context();
        break;
      }
    }
    if (owner == null) {
      return Optional.empty();
    }
    owner.checkOpen();
    for (Operand<?> x : operands) {
      owner.checkOwns(x, argument);
    }
    return Optional.of(owner);
  }
}
