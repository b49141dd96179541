package org.edward4j.inferences.latent;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.core.optimizers.GradientDescent;
import org.edward4j.core.optimizers.Momentum;
import org.edward4j.core.optimizers.LearningRate;
import org.edward4j.core.optimizers.Optimizer;
import org.edward4j.core.optimizers.RmsProp;

/**
 * Makes the optimizer of the latent search from the learning rate and the optimizer options of
 * {@link LatentGanParams}: TF-GAN's {@code optimizer(learning_rate=..., **opt_kwargs)}. The
 * factories here name their optimizer {@code latent_gan_optimizer}, TF-GAN's scope for the new
 * optimizer variables, and reject unknown options listing the valid ones.
 *
 * <pre>{@code
 * LatentOptimizer adam = LatentOptimizer.adam();            // options: beta1, beta2, epsilon
 * LatentOptimizer custom = (lr, options) -> Adam.builder().learningRate(lr).beta1(0.5).build();
 * }</pre>
 */
@FunctionalInterface
public interface LatentOptimizer {

  /** The scope of the optimizer's variables, as TF-GAN names it. */
  String SCOPE = "latent_gan_optimizer";

  /**
   * Makes the optimizer.
   *
   * @param learningRate the params' learning rate, a tensor fed at each step with the schedule's
   *     value (pass it to the optimizer builder's {@code learningRate})
   * @param options the params' optimizer options
   * @return an optimizer
   */
  Optimizer create(LearningRate learningRate, Map<String, Double> options);

  /**
   * Adam; options {@code beta1}, {@code beta2}, {@code epsilon}.
   *
   * @return a factory of this optimizer, named {@link #SCOPE}
   */
  static LatentOptimizer adam() {
    return (lr, o) -> {
      check(o, "adam", Set.of("beta1", "beta2", "epsilon"));
      Adam.Builder b = Adam.builder().learningRate(lr).name(SCOPE);
      if (o.containsKey("beta1")) {
        b.beta1(o.get("beta1"));
      }
      if (o.containsKey("beta2")) {
        b.beta2(o.get("beta2"));
      }
      if (o.containsKey("epsilon")) {
        b.epsilon(o.get("epsilon"));
      }
      return b.build();
    };
  }

  /**
   * Plain gradient descent; no options.
   *
   * @return a factory of this optimizer, named {@link #SCOPE}
   */
  static LatentOptimizer gradientDescent() {
    return (lr, o) -> {
      check(o, "gradientDescent", Set.of());
      return GradientDescent.builder().learningRate(lr).name(SCOPE).build();
    };
  }

  /**
   * Momentum; option {@code momentum} (default 0.9).
   *
   * @return a factory of this optimizer, named {@link #SCOPE}
   */
  static LatentOptimizer momentum() {
    return (lr, o) -> {
      check(o, "momentum", Set.of("momentum"));
      return Momentum.builder().learningRate(lr).momentum(o.getOrDefault("momentum", 0.9)).name(SCOPE).build();
    };
  }

  /**
   * RMSProp; options {@code decay}, {@code momentum}, {@code epsilon}.
   *
   * @return a factory of this optimizer, named {@link #SCOPE}
   */
  static LatentOptimizer rmsProp() {
    return (lr, o) -> {
      check(o, "rmsProp", Set.of("decay", "momentum", "epsilon"));
      RmsProp.Builder b = RmsProp.builder().learningRate(lr).name(SCOPE);
      if (o.containsKey("decay")) {
        b.decay(o.get("decay"));
      }
      if (o.containsKey("momentum")) {
        b.momentum(o.get("momentum"));
      }
      if (o.containsKey("epsilon")) {
        b.epsilon(o.get("epsilon"));
      }
      return b.build();
    };
  }

  private static void check(Map<String, Double> options, String optimizer, Set<String> valid) {
    for (String k : options.keySet()) {
      if (!valid.contains(k)) {
        throw new IllegalArgumentException("optimizer option `" + k + "` is not one of " + optimizer + "'s: "
            + (valid.isEmpty() ? "it takes none" : new TreeSet<>(valid)));
      }
    }
  }
}
