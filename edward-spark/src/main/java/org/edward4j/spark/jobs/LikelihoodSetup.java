package org.edward4j.spark.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A model ready for importance sampling, as an {@link ImportanceModel} builds it: each latent
 * variable bound to its proposal {@code q(z | x)}, each observed variable bound to its data (usually
 * {@code input}), and the float32 placeholder of shape {@code [batchSize, ...]} the rows are fed
 * into, each row flattened row-major.
 *
 * <pre>{@code
 * LikelihoodSetup setup = new LikelihoodSetup(Map.of(z, qz), Map.of(x, xPh), xPh);
 * }</pre>
 *
 * @param latentVars latent variable to its proposal
 * @param data observed variable to its data
 * @param input the placeholder fed with a batch of rows
 */
public record LikelihoodSetup(Map<Operand<?>, Operand<?>> latentVars, Map<Operand<?>, Operand<?>> data,
    Operand<TFloat32> input) {

  /**
   * Checks the parts.
   *
   * @param latentVars latent variable to its proposal
   * @param data observed variable to its data
   * @param input the placeholder fed with a batch of rows
   * @throws IllegalArgumentException if {@code input}'s shape is not fully known
   */
  public LikelihoodSetup {
    latentVars = new LinkedHashMap<>(Objects.requireNonNull(latentVars, "latentVars"));
    data = new LinkedHashMap<>(Objects.requireNonNull(data, "data"));
    Objects.requireNonNull(input, "input");
    if (input.shape().isUnknown() || input.shape().hasUnknownDimension() || input.shape().numDimensions() < 1) {
      throw new IllegalArgumentException("`input` must have a fully known shape [batchSize, ...], got " + input.shape());
    }
  }

  /**
   * The floats per row: the product of the input's dimensions after the first.
   *
   * @return the row width
   */
  public int width() {
    return Math.toIntExact(input.shape().size() / input.shape().get(0));
  }
}
