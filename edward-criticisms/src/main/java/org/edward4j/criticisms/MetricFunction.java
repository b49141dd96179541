package org.edward4j.criticisms;

/**
 * A custom metric for {@link Evaluate}, Edward's callable {@code metric(y_true, y_pred)}.
 *
 * <p>Arrays are row-major; {@code yPred} has already been broadcast to {@code yTrue}'s shape.
 *
 * <pre>{@code
 * MetricFunction logCosh = (shape, yTrue, yPred) -> {
 *   double s = 0;
 *   for (int i = 0; i < yTrue.length; i++) {
 *     s += Math.log(Math.cosh(yPred[i] - yTrue[i]));
 *   }
 *   return s / yTrue.length;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface MetricFunction {

  /**
   * Scores predictions.
   *
   * @param shape the data's shape (at least rank 1)
   * @param yTrue the held-out data
   * @param yPred the predictions, same shape
   * @return the metric's value
   */
  double apply(long[] shape, double[] yTrue, double[] yPred);
}
