package org.edward4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * {@link Operators}: expressions over random variables evaluate to the same arithmetic on their
 * values in the same run (a random variable is its sample), comparisons and indexing behave like
 * Edward's Python operators, and bad arguments fail in Java.
 */
class OperatorsTest extends GraphTestBase {

  // Operators find their context from their arguments (random variables, or their own results),
  // not from a registry: the plain constants of these tests are given their context explicitly.
  @Override
  Operand<TFloat32> constant(long[] shape, float... values) {
    return ctx.own(super.constant(shape, values));
  }

  @Override
  Operand<TFloat32> vector(float... values) {
    return ctx.own(super.vector(values));
  }

  @Override
  Operand<TFloat32> scalar(double v) {
    return ctx.own(super.scalar(v));
  }

  @Test
  void aPlainTensorNamesTheWayToItsContext() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> Operators.add(tf.constant(1f), 2.0));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("ctx.own"), e.getMessage());
    Operand<TFloat32> chained = Operators.add(Operators.mul(vector(1f, 2f), 2.0), 1.0);
    assertArrayEquals(new float[] {3f, 5f}, ctx.eval(chained).data(), "results know their context and chain");
  }

  @Test
  void arithmeticOnARandomVariableIsArithmeticOnItsValue() {
    Normal z = Normal.builder(scope).loc(0).scale(1).sampleShape(6).build();
    Normal w = Normal.builder(scope).loc(3).scale(2).sampleShape(6).build();
    Operand<TFloat32> x = Operators.add(Operators.mul(z, 2.0), 1.0);
    Operand<TFloat32> y = Operators.div(Operators.sub(w, z), Operators.pow(Operators.neg(z), 2.0));
    Operand<TFloat32> p = Operators.pow(Operators.mul(w, w), scalar(0.5));
    List<TensorValue> r = ctx.evalAll(List.of(z, w, x, y, p), java.util.Map.of());
    for (int i = 0; i < 6; i++) {
      float zi = r.get(0).data()[i];
      float wi = r.get(1).data()[i];
      assertEquals(2 * zi + 1, r.get(2).data()[i], 1e-5f, "2 z + 1");
      assertEquals((wi - zi) / (zi * zi), r.get(3).data()[i], 1e-4f * Math.max(1, Math.abs((wi - zi) / (zi * zi))), "(w - z) / (-z)^2");
      assertEquals(Math.abs(wi), r.get(4).data()[i], 1e-5 * Math.max(1, Math.abs(wi)), "(w * w) ** 0.5");
    }
    assertArrayEquals(new float[] {3f, 5f}, eval(Operators.add(vector(1f, 2f), vector(2f, 3f))));
  }

  @Test
  void comparisonsGiveBooleans() {
    Operand<TFloat32> a = vector(-1f, 0f, 2f);
    Operand<TFloat32> b = vector(0f, 0f, 1f);
    assertArrayEquals(new boolean[] {true, false, false}, bools(Operators.less(a, b)));
    assertArrayEquals(new boolean[] {true, true, false}, bools(Operators.lessEqual(a, b)));
    assertArrayEquals(new boolean[] {false, false, true}, bools(Operators.greater(a, b)));
    assertArrayEquals(new boolean[] {false, true, true}, bools(Operators.greaterEqual(a, b)));
    assertArrayEquals(new boolean[] {false, true, false}, bools(Operators.equal(a, b)));
    assertArrayEquals(new boolean[] {true, false, true}, bools(Operators.notEqual(a, b)));
    assertArrayEquals(new boolean[] {false, false, true}, bools(Operators.greater(a, 1.0)));
    assertArrayEquals(new boolean[] {true, false, false}, bools(Operators.less(a, 0.0)));
  }

  @Test
  void indexingAndSlicingLikePython() {
    Operand<TFloat32> m = constant(new long[] {2, 3}, 0f, 1f, 2f, 10f, 11f, 12f);
    TensorValue row = ctx.eval(Operators.get(m, 1));
    assertArrayEquals(new long[] {3}, row.shape());
    assertArrayEquals(new float[] {10f, 11f, 12f}, row.data());
    TensorValue cell = ctx.eval(Operators.get(m, -1, -2));
    assertEquals(0, cell.shape().length);
    assertEquals(11f, cell.scalar());
    TensorValue cols = ctx.eval(Operators.slice(m, -1, 1, 3));
    assertArrayEquals(new long[] {2, 2}, cols.shape());
    assertArrayEquals(new float[] {1f, 2f, 11f, 12f}, cols.data());
    Categorical<TInt32> c = Categorical.builder(scope).probs(new float[] {0.5f, 0.5f}).sampleShape(4).build();
    assertEquals(TInt32.class, Operators.get(c, 2).type(), "integer random variables index too");
  }

  @Test
  void badArgumentsFailInJava() {
    Operand<TFloat32> m = constant(new long[] {2, 3}, new float[6]);
    BadInputTest.assertMessage(() -> Operators.get(m, 2), "`indices` must be in [-2, 2) on axis 0 of shape [2, 3], got 2");
    BadInputTest.assertMessage(() -> Operators.get(m, 0, 0, 0), "`indices` must be at most 2 indices for a tensor of shape [2, 3]");
    BadInputTest.assertMessage(() -> Operators.slice(m, 2, 0, 1), "`axis` must be in [-2, 2) for shape [2, 3], got 2");
    BadInputTest.assertMessage(() -> Operators.slice(m, 1, 2, 4), "`begin` and `end` must satisfy 0 <= begin <= end <= 3");
    BadInputTest.assertMessage(() -> Operators.add(m, vector(1f, 2f)),
        "`b` of add must have a shape that broadcasts against `a`'s [2, 3], got [2]");
    @SuppressWarnings("unchecked")
    Operand<TFloat32> ints = (Operand<TFloat32>) (Operand<?>) tf.constant(new int[] {1, 2, 3});
    BadInputTest.assertMessage(() -> Operators.mul(m, ints), "`b` of mul must be float32 to match `a`, got int32");
    try (ModelContext other = ModelContext.withSeed(3)) {
      Operand<TFloat32> foreign = other.tf().constant(1f);
      BadInputTest.assertMessage(() -> Operators.sub(m, foreign), "`b` of sub must be a tensor of `a`'s graph");
    }
  }

  private boolean[] bools(Operand<TBool> b) {
    float[] f = eval(ctx.tf().dtypes.cast(b, TFloat32.class));
    boolean[] out = new boolean[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = f[i] != 0;
    }
    return out;
  }
}
