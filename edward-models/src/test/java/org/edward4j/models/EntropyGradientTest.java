package org.edward4j.models;

import java.util.ArrayList;
import java.util.List;
import org.edward4j.core.testing.GradientCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Gradients of the closed-form entropies and moments with respect to every parameter against
 * finite differences ({@link GradientCheck}: step 1e-2, relative tolerance 1e-2), which is how a
 * variational objective differentiates them: through {@code Digamma} (gamma, beta, Student-t,
 * chi-squared, Kumaraswamy, inverse-gamma), {@code BesselI0e}/{@code BesselI1e} (von Mises) and
 * {@code Lgamma}. Undefined moments (NaN) are skipped.
 */
class EntropyGradientTest extends GraphTestBase {

  @ParameterizedTest(name = "{0}")
  @MethodSource("org.edward4j.models.Families#continuous")
  void entropyAndVarianceGradientsMatchFiniteDifferences(Families.Continuous f) {
    double[] params = f.params();
    for (int i = 0; i < params.length; i++) {
      List<Operand<TFloat32>> ops = new ArrayList<>();
      Placeholder<TFloat32> p = placeholder();
      for (int j = 0; j < params.length; j++) {
        ops.add(j == i ? p : scalar(params[j]));
      }
      AbstractRandomVariable<?> rv = f.build().apply(scope, ops);
      float[] at = {(float) params[i]};
      // Plus 0 * p: entropies and variances that do not depend on a location would leave p
      // unreachable; their gradient must then be 0, as the differences are.
      Operand<TFloat32> zero = tf.math.mul(p, scalar(0));
      GradientCheck.assertGradient(ctx, p, tf.math.add(rv.entropy(), zero), at, 1e-2, 1e-2);
      double variance = f.ref().getNumericalVariance();
      if (Double.isFinite(variance)) {
        GradientCheck.assertGradient(ctx, p, tf.math.add(rv.variance(), zero), at, 1e-2, 1e-2);
      }
    }
  }
}
