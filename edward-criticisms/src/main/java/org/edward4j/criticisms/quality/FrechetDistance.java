package org.edward4j.criticisms.quality;

import java.util.Objects;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The Frechet (2-Wasserstein) distance between two Gaussians, the FID of Heusel et al. (2017),
 * "GANs Trained by a Two Time-Scale Update Rule Converge to a Local Nash Equilibrium", when the
 * Gaussians are fitted to a classifier's features of real and generated images.
 *
 * <p>{@code d^2 = |mu1 - mu2|^2 + Tr(S1) + Tr(S2) - 2 Tr((S1 S2)^(1/2))}. The trace of the square
 * root is computed as {@code Tr((A S2 A)^(1/2))} with {@code A = S1^(1/2)}: {@code A S2 A} is
 * similar to {@code S1 S2} and symmetric positive semi-definite, so both square roots come from
 * commons-math's symmetric eigen decomposition; eigenvalues below zero by rounding count as zero.
 * The value returned is {@code d^2}, as FID is reported.
 *
 * <p>Limits: the covariances must be symmetric positive semi-definite (fitted covariances are);
 * the estimate from {@code n} samples is biased upward by about {@code Tr(S1 + S2) / n}.
 *
 * <pre>{@code
 * double fid = FrechetDistance.between(FeatureGaussian.fit(real), FeatureGaussian.fit(generated));
 * }</pre>
 */
public final class FrechetDistance {

  private FrechetDistance() {}

  /**
   * The squared Frechet distance between two Gaussians.
   *
   * @param a the first Gaussian
   * @param b the second, of the same dimension
   * @return {@code d^2}, non-negative
   * @throws IllegalArgumentException if the dimensions differ
   */
  public static double between(FeatureGaussian a, FeatureGaussian b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.dimension() != b.dimension()) {
      throw new IllegalArgumentException(
          "`b` must have dimension " + a.dimension() + " to match `a`, got " + b.dimension());
    }
    double meanTerm = new ArrayRealVector(a.mean()).getDistance(new ArrayRealVector(b.mean()));
    RealMatrix s1 = a.covariance();
    RealMatrix s2 = b.covariance();
    RealMatrix root1 = symmetricSquareRoot(s1);
    RealMatrix middle = root1.multiply(s2).multiply(root1);
    double traceRoot = 0;
    for (double lambda : new EigenDecomposition(symmetrized(middle)).getRealEigenvalues()) {
      traceRoot += Math.sqrt(Math.max(lambda, 0));
    }
    double d2 = meanTerm * meanTerm + s1.getTrace() + s2.getTrace() - 2 * traceRoot;
    // Rounding can leave a tiny negative value for identical Gaussians.
    return Math.max(d2, 0);
  }

  /**
   * The square root of a symmetric positive semi-definite matrix, {@code V diag(sqrt(max(l, 0)))
   * V^T} from its eigen decomposition.
   */
  static RealMatrix symmetricSquareRoot(RealMatrix s) {
    EigenDecomposition eig = new EigenDecomposition(symmetrized(s));
    double[] lambda = eig.getRealEigenvalues();
    double[] roots = new double[lambda.length];
    for (int i = 0; i < lambda.length; i++) {
      roots[i] = Math.sqrt(Math.max(lambda[i], 0));
    }
    return eig.getV().multiply(new DiagonalMatrix(roots)).multiply(eig.getVT());
  }

  /** {@code (m + m^T) / 2}: removes the rounding asymmetry products leave. */
  private static RealMatrix symmetrized(RealMatrix m) {
    return m.add(m.transpose()).scalarMultiply(0.5);
  }
}
