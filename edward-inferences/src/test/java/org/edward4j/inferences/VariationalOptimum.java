package org.edward4j.inferences;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * The answer a stochastic variational fit should reach, computed independently of TensorFlow in
 * double precision: the best member of q's family, and where the optimizer's noisy iterates centre.
 *
 * <p><b>The family's optimum.</b> When q is a Normal pushed through a bijector, the exact posterior
 * is usually outside q's family, so the target of a KL(q || p) fit is not the posterior but {@code
 * theta* = argmax ELBO(theta)} over q's raw parameters (location and softplus-inverse scale). The
 * tests write the ELBO in closed form or as a Gauss-Hermite expectation over the standard normal
 * (60 nodes: exact for polynomials of degree 119, and the smooth log densities here converge
 * geometrically) and maximize it with Nelder-Mead to a relative tolerance of 1e-13.
 *
 * <p><b>Where the iterates centre.</b> With a constant or slowly decaying rate, the iterates reach a
 * stationary distribution whose mean satisfies {@code E[grad ELBO(theta_t)] = 0} (a stationary
 * chain's expected step vanishes; Adam's per-coordinate divisor changes slowly, so it factors out).
 * When the expected gradient is not linear, that mean is not {@code theta*}: with {@code theta_t =
 * c + delta}, {@code delta} of covariance {@code C}, the condition is the gradient of the smoothed
 * ELBO {@code E[ELBO(c + delta)] = ELBO(c) + 1/2 tr(Hess ELBO(c) C) + O(|delta|^4)} (odd moments of
 * a symmetric {@code delta} vanish). So the centre is the argmax of that smoothed objective, with
 * {@code C} measured from the run's own iterates: the centre shift of score-function or
 * reparameterization SGD, which for a Beta q comes from the trigamma curvature of its KL and for a
 * pushed Normal from the bijector's. A quantity {@code f(theta_t)} recorded along the way averages
 * {@code f(c) + 1/2 tr(Hess f(c) C)} by the same expansion. Second derivatives are central
 * differences (step 1e-3 in double precision: truncation ~1e-6 relative).
 */
final class VariationalOptimum {

  private static final GaussIntegrator HERMITE = new GaussIntegratorFactory().hermite(60);
  private static final double H = 1e-3;

  private VariationalOptimum() {}

  /** {@code E[f(mu + s eps)]}, {@code eps ~ N(0, 1)}, by Gauss-Hermite quadrature. */
  static double expectNormal(DoubleUnaryOperator f, double mu, double s) {
    double sum = 0;
    for (int i = 0; i < HERMITE.getNumberOfPoints(); i++) {
      sum += HERMITE.getWeight(i) * f.applyAsDouble(mu + s * Math.sqrt(2) * HERMITE.getPoint(i));
    }
    return sum / Math.sqrt(Math.PI);
  }

  /**
   * The ELBO of {@code q(u) = N(mu, softplus(rho))} for an unnormalized log density {@code logp} of
   * the unconstrained latent (the model's log joint at {@code T(u)} plus {@code log |T'(u)|}):
   * {@code E_q[logp(u)] + log softplus(rho)} (the Normal's entropy up to a constant).
   */
  static double normalElbo(DoubleUnaryOperator logp, double mu, double rho) {
    double s = StationaryIterates.softplus(rho);
    return expectNormal(logp, mu, s) + Math.log(s);
  }

  /** {@code log sigmoid(x)}, without overflow. */
  static double logSigmoid(double x) {
    return -StationaryIterates.softplus(-x);
  }

  /** {@code softplus^-1(s) = log(e^s - 1)}: the raw parameter of a positive scale. */
  static double rawScale(double s) {
    return Math.log(Math.expm1(s));
  }

  /** {@code argmax f}, by Nelder-Mead from {@code start} (initial simplex steps 0.1). */
  static double[] argmax(ToDoubleFunction<double[]> f, double[] start) {
    SimplexOptimizer optimizer = new SimplexOptimizer(1e-13, 1e-14);
    double[] x = start.clone();
    // Restarting from the answer re-expands the simplex: Nelder-Mead can stall on a collapsed one.
    for (int restart = 0; restart < 3; restart++) {
      x = optimizer.optimize(new MaxEval(200_000), new ObjectiveFunction(f::applyAsDouble), GoalType.MAXIMIZE,
          new InitialGuess(x), new NelderMeadSimplex(x.length, 0.1)).getPoint();
    }
    return x;
  }

  /** {@code 1/2 tr(Hess f(x) C) = 1/2 sum_jk f_jk C_jk}, by central differences. */
  static double halfTraceHessianCov(ToDoubleFunction<double[]> f, double[] x, double[][] cov) {
    double sum = 0;
    double f0 = f.applyAsDouble(x);
    for (int j = 0; j < x.length; j++) {
      for (int k = 0; k < x.length; k++) {
        if (cov[j][k] == 0) {
          continue;
        }
        double fjk;
        if (j == k) {
          fjk = (f.applyAsDouble(shift(x, j, H, j, 0)) - 2 * f0 + f.applyAsDouble(shift(x, j, -H, j, 0))) / (H * H);
        } else {
          fjk = (f.applyAsDouble(shift(x, j, H, k, H)) - f.applyAsDouble(shift(x, j, H, k, -H))
              - f.applyAsDouble(shift(x, j, -H, k, H)) + f.applyAsDouble(shift(x, j, -H, k, -H))) / (4 * H * H);
        }
        sum += fjk * cov[j][k];
      }
    }
    return sum / 2;
  }

  /** The centre of iterates of covariance {@code cov} climbing {@code elbo}: the smoothed objective's argmax. */
  static double[] centre(ToDoubleFunction<double[]> elbo, double[][] cov, double[] start) {
    return argmax(x -> elbo.applyAsDouble(x) + halfTraceHessianCov(elbo, x, cov), start);
  }

  /** What {@code f(theta_t)} averages over iterates centred at {@code c} with covariance {@code cov}. */
  static double averageOf(ToDoubleFunction<double[]> f, double[] c, double[][] cov) {
    return f.applyAsDouble(c) + halfTraceHessianCov(f, c, cov);
  }

  /** The sample covariance matrix of recorded traces (one row per coordinate). */
  static double[][] covariance(double[][] traces) {
    int d = traces.length;
    int n = traces[0].length;
    double[] mean = new double[d];
    for (int j = 0; j < d; j++) {
      for (double v : traces[j]) {
        mean[j] += v / n;
      }
    }
    double[][] c = new double[d][d];
    for (int j = 0; j < d; j++) {
      for (int k = 0; k < d; k++) {
        for (int t = 0; t < n; t++) {
          c[j][k] += (traces[j][t] - mean[j]) * (traces[k][t] - mean[k]) / (n - 1);
        }
      }
    }
    return c;
  }

  private static double[] shift(double[] x, int j, double dj, int k, double dk) {
    double[] y = x.clone();
    y[j] += dj;
    y[k] += dk;
    return y;
  }
}
