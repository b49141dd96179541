package org.edward4j.core.gradients;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.edward4j.core.ModelContext;
import org.edward4j.core.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Second derivatives through every gradient {@link MissingGradients} registers, against central
 * differences: each case builds {@code y = (d f / d x)^2} (or {@code d f / d x}), whose gradient
 * passes through the registered rule, and asserts the rule's op is really in the graph.
 *
 * <p>Tolerances are {@link GradientCheck}'s: step 1e-2, relative error 1e-2 of {@code max(1,
 * |numeric|)} (float32 rounding over a 2e-2 step, plus the O(eps^2) truncation). Evaluation points
 * stay 0.1 or more away from kinks (ReLU at 0, ELU at 0, max-pool ties) so no difference quotient
 * straddles one.
 */
class MissingGradientsTest {

  private static final double EPS = 1e-2;
  private static final double TOL = 1e-2;

  /** {@code d f / d x} for a scalar {@code f}. */
  static Operand<TFloat32> grad(Ops tf, Operand<TFloat32> f, Operand<TFloat32> x) {
    return tf.gradients(f, List.of(x)).dy(0);
  }

  static Operand<TFloat32> sum(Ops tf, Operand<TFloat32> v) {
    return tf.reduceSum(v, tf.range(tf.constant(0), tf.rank(v), tf.constant(1)));
  }

  /** {@code (d sum(h(x)^2) / dx)^2}: the inner gradient feeds {@code h}'s gradient op both inputs. */
  static Operand<TFloat32> squaredGradOfSquares(Ops tf, Operand<TFloat32> x, Operand<TFloat32> hx) {
    return tf.math.square(grad(tf, sum(tf, tf.math.square(hx)), x));
  }

  static Stream<Arguments> elementwise() {
    float[] mixed = {-1.3f, -0.4f, 0.3f, 0.9f, 1.7f, -2.1f};
    float[] positive = {0.4f, 0.8f, 1.3f, 2.2f, 3.1f, 0.6f};
    return Stream.of(
        Arguments.of("ReluGrad", mixed, (Cell) (tf, x) -> squaredGradOfSquares(tf, x, tf.nn.relu(x))),
        Arguments.of("SigmoidGrad", mixed, (Cell) (tf, x) -> squaredGradOfSquares(tf, x, tf.math.sigmoid(x))),
        Arguments.of("TanhGrad", mixed, (Cell) (tf, x) -> squaredGradOfSquares(tf, x, tf.math.tanh(x))),
        Arguments.of("SoftplusGrad", mixed, (Cell) (tf, x) -> squaredGradOfSquares(tf, x, tf.math.softplus(x))),
        Arguments.of("EluGrad", mixed, (Cell) (tf, x) -> squaredGradOfSquares(tf, x, tf.nn.elu(x))),
        Arguments.of("RsqrtGrad", positive, (Cell) (tf, x) -> squaredGradOfSquares(tf, x, tf.math.rsqrt(x))),
        Arguments.of("SqrtGrad", positive, (Cell) (tf, x) -> squaredGradOfSquares(tf, x, tf.math.sqrt(x))),
        Arguments.of(
            "ReciprocalGrad", positive, (Cell) (tf, x) -> squaredGradOfSquares(tf, x, tf.math.reciprocal(x))),
        // d/dx of d lgamma/dx = digamma(x) needs Digamma's gradient (trigamma).
        Arguments.of("Digamma", positive, (Cell) (tf, x) -> grad(tf, sum(tf, tf.math.lgamma(x)), x)),
        // d sum(x^3)/dx is seeded with OnesLike(sum): its gradient must exist (and be zero).
        Arguments.of("OnesLike", mixed, (Cell) (tf, x) -> grad(tf, sum(tf, tf.math.mul(x, tf.math.square(x))), x)),
        Arguments.of(
            "BiasAddGrad",
            new float[] {0.2f, -0.7f, 1.1f},
            (Cell) (tf, b) -> {
              Operand<TFloat32> m = tf.constant(new float[][] {{0.5f, -1f, 2f}, {1.5f, 0.3f, -0.8f}});
              return squaredGradOfSquares(tf, b, tf.nn.biasAdd(m, b));
            }));
  }

  /** A graph function of one placeholder. */
  @FunctionalInterface
  interface Cell extends BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("elementwise")
  void secondDerivativeMatchesFiniteDifferences(String opType, float[] at, Cell f) {
    check(opType, Shape.of(at.length), at, f);
  }

  @ParameterizedTest(name = "Conv2DBackpropFilter {0} stride {1}")
  @MethodSource("geometries")
  void convolutionFilterGradientDifferentiatesInBothInputs(String padding, int stride) {
    float[] filter = values(2 * 2 * 2 * 3, 7, 0.5f);
    float[] image = values(2 * 5 * 5 * 2, 8, 1f);
    // y = (dL/dW)^2 with L = sum(conv(x, W)^2): dL/dW = Conv2DBackpropFilter(x, shape(W), 2 conv).
    check("Conv2DBackpropFilter", Shape.of(2, 5, 5, 2), image, (tf, x) -> {
      Operand<TFloat32> w = tf.constant(Shape.of(2, 2, 2, 3), org.tensorflow.ndarray.buffer.DataBuffers.of(filter));
      Operand<TFloat32> conv = tf.nn.conv2d(x, w, List.of(1L, (long) stride, (long) stride, 1L), padding);
      return tf.math.square(grad(tf, sum(tf, tf.math.square(conv)), w));
    });
  }

  static Stream<Arguments> geometries() {
    return Stream.of(Arguments.of("SAME", 1), Arguments.of("SAME", 2), Arguments.of("VALID", 2));
  }

  @ParameterizedTest(name = "MaxPoolGradV2 {0} stride {1}")
  @MethodSource("geometries")
  void maxPoolGradientDifferentiatesThroughTheArgMax(String padding, int stride) {
    // Stride 1 SAME pools to the input's shape: the case where MaxPoolGradGradV2's CPU kernel
    // overwrote its own input and returned zeros.
    float[] image = distinct(1 * 4 * 4 * 2);
    check("MaxPoolGradV2", Shape.of(1, 4, 4, 2), image, (tf, x) -> {
      Operand<TFloat32> pooled =
          tf.nn.maxPool(x, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, stride, stride, 1}), padding);
      return squaredGradOfSquares(tf, x, pooled);
    });
  }

  @Test
  void maxPoolV1GradientDifferentiatesThroughTheArgMax() {
    float[] image = distinct(1 * 4 * 4 * 1);
    check("MaxPoolGrad", Shape.of(1, 4, 4, 1), image, (tf, x) -> {
      GraphOperation pool = ((org.tensorflow.Graph) tf.scope().env())
          .opBuilder("MaxPool", "MaxPoolV1", tf.scope())
          .addInput(x.asOutput())
          .setAttr("ksize", new long[] {1, 2, 2, 1})
          .setAttr("strides", new long[] {1, 1, 1, 1})
          .setAttr("padding", "SAME")
          .build();
      return squaredGradOfSquares(tf, x, pool.<TFloat32>output(0));
    });
  }

  @ParameterizedTest(name = "FusedBatchNormGradV3 training={0}, through {1}")
  @MethodSource("batchNormCases")
  void fusedBatchNormGradientMatchesFiniteDifferences(boolean training, String wrt) {
    float[] image = values(3 * 2 * 2 * 2, 11, 1.5f);
    // Small weights keep the penalty of order one, so float32 differences resolve its gradient.
    float[] weights = values(3 * 2 * 2 * 2, 12, 0.3f);
    float[] gamma = {1.3f, 0.7f};
    boolean wrtGamma = wrt.equals("scale");
    check("FusedBatchNormGradV3", wrtGamma ? Shape.of(2) : Shape.of(3, 2, 2, 2), wrtGamma ? gamma : image, (tf, p) -> {
      Operand<TFloat32> x = wrtGamma ? tf.constant(Shape.of(3, 2, 2, 2), buffer(image)) : p;
      Operand<TFloat32> scale = wrtGamma ? p : tf.constant(gamma);
      Operand<TFloat32> w = tf.constant(Shape.of(3, 2, 2, 2), buffer(weights));
      Operand<TFloat32> y = tf.nn.fusedBatchNorm(x, scale, tf.constant(new float[] {0.1f, -0.2f}),
          tf.constant(new float[] {0.3f, -0.1f}), tf.constant(new float[] {1.2f, 0.8f}),
          org.tensorflow.op.nn.FusedBatchNorm.epsilon(1e-3f),
          org.tensorflow.op.nn.FusedBatchNorm.isTraining(training)).y();
      // The inner gradient is taken with respect to x and gamma together, so the penalty reaches
      // every output of FusedBatchNormGradV3 (input, scale and offset gradients).
      Operand<TFloat32> loss = sum(tf, tf.math.square(tf.math.mul(w, y)));
      List<Operand<?>> wrtBoth = List.of(x, scale);
      var g = tf.gradients(loss, wrtBoth);
      Operand<TFloat32> gx = g.dy(0);
      Operand<TFloat32> gs = g.dy(1);
      return tf.math.add(sum(tf, tf.math.square(gx)), sum(tf, tf.math.square(gs)));
    });
  }

  @ParameterizedTest(name = "FusedBatchNormGradV3 training={0} equals the unfused formula")
  @ValueSource(booleans = {true, false})
  void fusedBatchNormSecondDerivativeEqualsTheUnfusedOne(boolean training) {
    // TensorFlow differentiates the unfused formula twice with its own rules: an exact reference.
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      Operand<TFloat32> x = tf.constant(Shape.of(3, 2, 2, 2), buffer(values(24, 11, 1.5f)));
      Operand<TFloat32> w = tf.constant(Shape.of(3, 2, 2, 2), buffer(values(24, 12, 1f)));
      Operand<TFloat32> gamma = tf.constant(new float[] {1.3f, 0.7f});
      Operand<TFloat32> beta = tf.constant(new float[] {0.1f, -0.2f});
      Operand<TFloat32> popMean = tf.constant(new float[] {0.3f, -0.1f});
      Operand<TFloat32> popVar = tf.constant(new float[] {1.2f, 0.8f});
      Operand<TFloat32> fused = tf.nn.fusedBatchNorm(x, gamma, beta, popMean, popVar,
          org.tensorflow.op.nn.FusedBatchNorm.epsilon(1e-3f),
          org.tensorflow.op.nn.FusedBatchNorm.isTraining(training)).y();
      Operand<TInt32> axes = tf.constant(new int[] {0, 1, 2});
      Operand<TFloat32> mean = training ? tf.math.mean(x, axes) : popMean;
      Operand<TFloat32> var = training ? tf.math.mean(tf.math.squaredDifference(x, mean), axes) : popVar;
      Operand<TFloat32> unfused = tf.math.add(tf.math.mul(gamma,
          tf.math.mul(tf.math.sub(x, mean), tf.math.rsqrt(tf.math.add(var, tf.constant(1e-3f))))), beta);
      float[] viaRule = penaltyGradient(tf, ctx, x, gamma, w, fused);
      float[] reference = penaltyGradient(tf, ctx, x, gamma, w, unfused);
      for (int i = 0; i < reference.length; i++) {
        // float32 evaluation of two different op sequences: relative 1e-4 (values reach 1e3).
        org.junit.jupiter.api.Assertions.assertEquals(
            reference[i], viaRule[i], 1e-4 * Math.max(1, Math.abs(reference[i])), "index " + i);
      }
    }
  }

  /** {@code d/dx [|dL/dx|^2 + |dL/dgamma|^2]} with {@code L = sum((w y)^2)}. */
  private static float[] penaltyGradient(
      Ops tf, ModelContext ctx, Operand<TFloat32> x, Operand<TFloat32> gamma, Operand<TFloat32> w,
      Operand<TFloat32> y) {
    Operand<TFloat32> loss = sum(tf, tf.math.square(tf.math.mul(w, y)));
    var g = tf.gradients(loss, List.of(x, gamma));
    Operand<TFloat32> gx = g.dy(0);
    Operand<TFloat32> gs = g.dy(1);
    Operand<TFloat32> penalty = tf.math.add(sum(tf, tf.math.square(gx)), sum(tf, tf.math.square(gs)));
    return ctx.eval(grad(tf, penalty, x)).data();
  }

  static Stream<Arguments> batchNormCases() {
    return Stream.of(
        Arguments.of(true, "x"), Arguments.of(true, "scale"), Arguments.of(false, "x"), Arguments.of(false, "scale"));
  }

  @Test
  void moreThanTenRulesShareOneCallbackAndExistingGradientsAreKept() {
    // TF Java's own registration allows ten per JVM; past that the JVM crashed when one was used.
    assertTrue(MissingGradients.opTypes().size() > 10, MissingGradients.opTypes().toString());
    org.junit.jupiter.api.Assertions.assertFalse(MissingGradients.register("Relu", (tf, op, dy) -> List.of()));
    org.junit.jupiter.api.Assertions.assertFalse(MissingGradients.register("ReluGrad", (tf, op, dy) -> List.of()));
  }

  private static void check(String opType, Shape shape, float[] at, Cell f) {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
      Operand<TFloat32> y = f.apply(tf, x);
      assertTrue(hasOp(ctx, opType), opType + " is not in the graph: the case does not test its gradient");
      GradientCheck.assertGradient(ctx, x, y, at, EPS, TOL);
    }
  }

  private static boolean hasOp(ModelContext ctx, String type) {
    List<String> types = new ArrayList<>();
    ctx.graph().operations().forEachRemaining(o -> types.add(o.type()));
    return types.contains(type);
  }

  static float[] values(int n, long seed, float scale) {
    Random r = new Random(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (scale * r.nextGaussian());
    }
    return out;
  }

  /** Values 0.1 apart in shuffled order, so a 1e-2 step never changes a window's maximum. */
  static float[] distinct(int n) {
    List<Float> xs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      xs.add(0.1f * (i - n / 2f));
    }
    java.util.Collections.shuffle(xs, new Random(3));
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = xs.get(i);
    }
    return out;
  }

  static org.tensorflow.ndarray.buffer.FloatDataBuffer buffer(float[] xs) {
    return org.tensorflow.ndarray.buffer.DataBuffers.of(xs);
  }
}
