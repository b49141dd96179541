package org.edward4j.models.bijectors;

import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** {@code y = shift + scale x}; see {@link Bijectors#affine(double, double)}. */
final class Affine implements Bijector {

  private final Double shiftValue;
  private final Double scaleValue;
  private final Operand<TFloat32> shift;
  private final Operand<TFloat32> scale;

  Affine(double shift, double scale) {
    if (!Double.isFinite(shift)) {
      throw new IllegalArgumentException("`shift` must be finite, got " + shift);
    }
    if (!Double.isFinite(scale) || scale == 0) {
      throw new IllegalArgumentException("`scale` must be finite and nonzero, got " + scale);
    }
    this.shiftValue = shift;
    this.scaleValue = scale;
    this.shift = null;
    this.scale = null;
  }

  Affine(Operand<TFloat32> shift, Operand<TFloat32> scale) {
    if (shift == null || scale == null) {
      throw new IllegalArgumentException("`shift` and `scale` must be float32 tensors, got null");
    }
    if (shift.type() != TFloat32.class || scale.type() != TFloat32.class) {
      throw new IllegalArgumentException("`shift` and `scale` must be float32 tensors");
    }
    float[] known = constantValues(scale);
    for (int i = 0; known != null && i < known.length; i++) {
      if (known[i] == 0 || !Float.isFinite(known[i])) {
        throw new IllegalArgumentException("`scale` must be finite and nonzero, got " + known[i]
            + (known.length > 1 ? " at flat index " + i : ""));
      }
    }
    this.shiftValue = null;
    this.scaleValue = null;
    this.shift = shift;
    this.scale = scale;
  }

  @Override
  public String name() {
    return "Affine";
  }

  @Override
  public int eventRank() {
    return 0;
  }

  @Override
  public Support domain() {
    return Support.REAL;
  }

  @Override
  public Support codomain() {
    return Support.REAL;
  }

  @Override
  public Operand<TFloat32> forward(Ops tf, Operand<TFloat32> x) {
    return tf.math.add(tf.math.mul(x, scale(tf)), shift(tf));
  }

  @Override
  public Operand<TFloat32> inverse(Ops tf, Operand<TFloat32> y) {
    return tf.math.div(tf.math.sub(y, shift(tf)), scale(tf));
  }

  /** {@code log |scale|}, broadcast to {@code x}'s shape. */
  @Override
  public Operand<TFloat32> forwardLogDetJacobian(Ops tf, Operand<TFloat32> x) {
    return tf.math.add(tf.math.log(tf.math.abs(scale(tf))), tf.zerosLike(x));
  }

  /** {@code -log |scale|}, broadcast to {@code y}'s shape. */
  @Override
  public Operand<TFloat32> inverseLogDetJacobian(Ops tf, Operand<TFloat32> y) {
    return tf.math.sub(tf.zerosLike(y), tf.math.log(tf.math.abs(scale(tf))));
  }

  /** True when the scale is a known positive number. */
  @Override
  public boolean isIncreasing() {
    if (scaleValue != null) {
      return scaleValue > 0;
    }
    float[] known = constantValues(scale);
    if (known == null) {
      return false;
    }
    for (float v : known) {
      if (!(v > 0)) {
        return false;
      }
    }
    return true;
  }

  private Operand<TFloat32> shift(Ops tf) {
    return shift != null ? shift : tf.constant(shiftValue.floatValue());
  }

  private Operand<TFloat32> scale(Ops tf) {
    return scale != null ? scale : tf.constant(scaleValue.floatValue());
  }

  /** The values of a small float32 {@code Const}, read without running the graph; else null. */
  private static float[] constantValues(Operand<TFloat32> operand) {
    if (!(operand.op() instanceof GraphOperation op) || !"Const".equals(op.type())
        || operand.shape().hasUnknownDimension() || operand.shape().size() > (1 << 16)) {
      return null;
    }
    try (Tensor t = op.attributes().getAttrTensor("value")) {
      float[] out = new float[Math.toIntExact(t.shape().size())];
      t.asRawTensor().data().asFloats().read(out);
      return out;
    }
  }

  @Override
  public String toString() {
    return scaleValue != null ? "Affine(shift=" + shiftValue + ", scale=" + scaleValue + ")" : "Affine(tensors)";
  }
}
