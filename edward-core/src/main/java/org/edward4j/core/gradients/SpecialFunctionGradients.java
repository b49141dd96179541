package org.edward4j.core.gradients;

import static org.edward4j.core.gradients.MissingGradients.constant;
import static org.edward4j.core.gradients.MissingGradients.grad;
import static org.edward4j.core.gradients.MissingGradients.in;
import static org.edward4j.core.gradients.MissingGradients.out;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.BroadcastGradientArgs;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * Gradients of the special functions the distributions' cdfs, densities and entropies use, which
 * TensorFlow's C++ runtime lacks: {@code Igamma} and {@code Igammac} (gamma, chi-squared,
 * inverse-gamma and Poisson cdfs), {@code Betainc} (beta and Student-t cdfs), {@code BesselI0e} and
 * {@code BesselI1e} (the von Mises density and entropy), {@code Erfc} (the normal cdf) and {@code
 * Polygamma} (third derivatives of {@code lgamma}). The rules are those of TensorFlow's Python
 * {@code math_grad.py}, with one addition: TensorFlow defines {@code Betainc}'s gradient for
 * {@code x} only; here {@code a} and {@code b} get central differences of {@code Betainc} computed in
 * float64 with step {@code 1e-5 max(1, |a|)} (truncation about {@code 1e-10}, rounding about
 * {@code 1e-11}), far below float32 resolution. {@code Polygamma}'s order gets no gradient (zeros),
 * as in TensorFlow.
 */
final class SpecialFunctionGradients {

  private SpecialFunctionGradients() {}

  static void register() {
    // d/dx P(a, x) = x^(a-1) e^-x / Gamma(a); d/da by the IgammaGradA kernel.
    MissingGradients.register("Igamma", (tf, op, dy) -> igamma(tf, in(op, 0), in(op, 1), grad(tf, op, dy), false));
    MissingGradients.register("Igammac", (tf, op, dy) -> igamma(tf, in(op, 0), in(op, 1), grad(tf, op, dy), true));
    MissingGradients.register("Betainc", (tf, op, dy) -> betainc(tf, in(op, 0), in(op, 1), in(op, 2), grad(tf, op, dy)));
    // d/dx i0e(x) = i1e(x) - sign(x) i0e(x).
    MissingGradients.register("BesselI0e", (tf, op, dy) -> {
      Operand<TNumber> x = in(op, 0);
      Operand<TNumber> dydx = tf.math.sub(tf.math.besselI1e(x), tf.math.mul(tf.math.sign(x), out(op)));
      return List.of(tf.math.mul(grad(tf, op, dy), dydx));
    });
    // d/dx i1e(x) = i0e(x) - i1e(x) (sign(x) + 1 / x), and 1/2 at 0.
    MissingGradients.register("BesselI1e", (tf, op, dy) -> {
      Operand<TNumber> x = in(op, 0);
      Operand<TNumber> tiny = constant(tf, 1e-7, x);
      var notTiny = tf.math.greater(tf.math.abs(x), tiny);
      Operand<TNumber> safeX = tf.select(notTiny, x, tf.math.add(tf.zerosLike(x), tiny));
      Operand<TNumber> y = tf.math.besselI1e(safeX);
      Operand<TNumber> dydx = tf.math.sub(tf.math.besselI0e(safeX),
          tf.math.mul(y, tf.math.add(tf.math.sign(safeX), tf.math.reciprocal(safeX))));
      Operand<TNumber> half = tf.math.add(tf.zerosLike(x), constant(tf, 0.5, x));
      return List.of(tf.math.mul(grad(tf, op, dy), tf.select(notTiny, dydx, half)));
    });
    // d/dx erfc(x) = -2 / sqrt(pi) exp(-x^2).
    MissingGradients.register("Erfc", (tf, op, dy) -> {
      Operand<TNumber> x = in(op, 0);
      Operand<TNumber> d = tf.math.mul(constant(tf, -2 / Math.sqrt(Math.PI), x), tf.math.exp(tf.math.neg(tf.math.square(x))));
      return List.of(tf.math.mul(grad(tf, op, dy), d));
    });
    // d/dx polygamma(n, x) = polygamma(n + 1, x); the order n is an integer-valued input.
    MissingGradients.register("Polygamma", (tf, op, dy) -> {
      Operand<TNumber> n = in(op, 0);
      Operand<TNumber> x = in(op, 1);
      Operand<TNumber> next = tf.math.polygamma(tf.math.add(n, constant(tf, 1, n)), x);
      List<Operand<TNumber>> g = reduceBoth(tf, n, x, tf.zerosLike(next), tf.math.mul(grad(tf, op, dy), next));
      return List.of(g.get(0), g.get(1));
    });
  }

  private static List<Operand<?>> igamma(
      Ops tf, Operand<TNumber> a, Operand<TNumber> x, Operand<TNumber> g, boolean upper) {
    Operand<TNumber> dA = tf.math.igammaGradA(a, x);
    Operand<TNumber> logDensity = tf.math.sub(
        tf.math.sub(tf.math.mul(tf.math.sub(a, constant(tf, 1, a)), tf.math.log(x)), x), tf.math.lgamma(a));
    Operand<TNumber> dX = tf.math.exp(logDensity);
    if (upper) {
      dA = tf.math.neg(dA);
      dX = tf.math.neg(dX);
    }
    List<Operand<TNumber>> r = reduceBoth(tf, a, x, tf.math.mul(g, dA), tf.math.mul(g, dX));
    return List.of(r.get(0), r.get(1));
  }

  /** {@code Betainc}'s inputs have equal shapes (or are scalars), so no broadcast reduction but sums for scalars. */
  private static List<Operand<?>> betainc(
      Ops tf, Operand<TNumber> a, Operand<TNumber> b, Operand<TNumber> x, Operand<TNumber> g) {
    Operand<TNumber> one = constant(tf, 1, x);
    Operand<TNumber> logDx = tf.math.sub(
        tf.math.add(tf.math.mul(tf.math.sub(a, one), tf.math.log(x)), tf.math.mul(tf.math.sub(b, one), tf.math.log1p(tf.math.neg(x)))),
        tf.math.sub(tf.math.add(tf.math.lgamma(a), tf.math.lgamma(b)), tf.math.lgamma(tf.math.add(a, b))));
    Operand<TNumber> dX = tf.math.exp(logDx);
    Operand<TFloat64> a64 = tf.dtypes.cast(a, TFloat64.class);
    Operand<TFloat64> b64 = tf.dtypes.cast(b, TFloat64.class);
    Operand<TFloat64> x64 = tf.dtypes.cast(x, TFloat64.class);
    Operand<TNumber> dA = tf.dtypes.cast(centralDifference(tf, a64, b64, x64, 0), x.type());
    Operand<TNumber> dB = tf.dtypes.cast(centralDifference(tf, a64, b64, x64, 1), x.type());
    return List.of(reduceTo(tf, tf.math.mul(g, dA), a), reduceTo(tf, tf.math.mul(g, dB), b),
        reduceTo(tf, tf.math.mul(g, dX), x));
  }

  /** {@code d I(x; a, b) / d a} (which = 0) or {@code / d b} (which = 1) by a float64 central difference. */
  private static Operand<TFloat64> centralDifference(
      Ops tf, Operand<TFloat64> a, Operand<TFloat64> b, Operand<TFloat64> x, int which) {
    Operand<TFloat64> v = which == 0 ? a : b;
    Operand<TFloat64> h = tf.math.mul(tf.constant(1e-5), tf.math.maximum(tf.math.abs(v), tf.constant(1.0)));
    Operand<TFloat64> plus = tf.math.add(v, h);
    Operand<TFloat64> minus = tf.math.sub(v, h);
    Operand<TInt32> shape = tf.broadcastDynamicShape(tf.broadcastDynamicShape(tf.shape(a), tf.shape(b)), tf.shape(x));
    Operand<TFloat64> aP = tf.broadcastTo(which == 0 ? plus : a, shape);
    Operand<TFloat64> aM = tf.broadcastTo(which == 0 ? minus : a, shape);
    Operand<TFloat64> bP = tf.broadcastTo(which == 1 ? plus : b, shape);
    Operand<TFloat64> bM = tf.broadcastTo(which == 1 ? minus : b, shape);
    Operand<TFloat64> xB = tf.broadcastTo(x, shape);
    Operand<TFloat64> diff = tf.math.sub(tf.math.betainc(aP, bP, xB), tf.math.betainc(aM, bM, xB));
    return tf.math.div(diff, tf.math.mul(tf.constant(2.0), tf.broadcastTo(h, shape)));
  }

  /** Sums a gradient of the broadcast shape back to {@code like}'s shape. */
  private static Operand<TNumber> reduceTo(Ops tf, Operand<TNumber> g, Operand<TNumber> like) {
    BroadcastGradientArgs<TInt32> args = tf.broadcastGradientArgs(tf.shape(like), tf.shape(g));
    return tf.reshape(tf.reduceSum(g, args.r0()), tf.shape(like));
  }

  private static List<Operand<TNumber>> reduceBoth(
      Ops tf, Operand<TNumber> a, Operand<TNumber> x, Operand<TNumber> gA, Operand<TNumber> gX) {
    return List.of(reduceTo(tf, gA, a), reduceTo(tf, gX, x));
  }
}
