package org.edward4j.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.core.VariableScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/**
 * A fresh graph and session per test (TF Java's {@code TestSession}): a context with a fixed seed,
 * a scope {@code test} to build variables in, and helpers to feed and fetch float tensors.
 */
abstract class GraphTestBase {

  static final long SEED = 20240611L;

  ModelContext ctx;
  VariableScope scope;
  Ops tf;

  @BeforeEach
  void openContext() {
    ctx = ModelContext.withSeed(SEED);
    scope = ctx.scope("test");
    tf = ctx.tf();
  }

  @AfterEach
  void closeContext() {
    ctx.close();
  }

  /** A float32 constant of the given shape (row-major values). */
  Operand<TFloat32> constant(long[] shape, float... values) {
    return tf.constant(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  /** A float32 vector constant. */
  Operand<TFloat32> vector(float... values) {
    return tf.constant(values);
  }

  /** A float32 scalar constant. */
  Operand<TFloat32> scalar(double v) {
    return tf.constant((float) v);
  }

  /** Float32 scalar constants, one per value in order: a family's parameters as its build takes them. */
  List<Operand<TFloat32>> constants(double[] params) {
    List<Operand<TFloat32>> out = new ArrayList<>();
    for (double p : params) {
      out.add(scalar(p));
    }
    return out;
  }

  /** A float32 placeholder of a known shape. */
  Placeholder<TFloat32> placeholder(long... shape) {
    return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
  }

  /** Evaluates one tensor. */
  float[] eval(Operand<? extends TNumber> x) {
    return ctx.eval(x).data();
  }

  /** Evaluates several tensors in one run with float feeds, closing the fed tensors. */
  List<TensorValue> evalAll(Map<Placeholder<TFloat32>, float[]> feeds, List<Operand<? extends TNumber>> xs) {
    Map<Operand<?>, Tensor> tensors = new LinkedHashMap<>();
    List<Tensor> toClose = new ArrayList<>();
    try {
      feeds.forEach((p, v) -> {
        Shape s = fedShape(p.shape(), v.length);
        TFloat32 t = TFloat32.tensorOf(s, DataBuffers.of(v, true, false));
        toClose.add(t);
        tensors.put(p, t);
      });
      return ctx.evalAll(xs, tensors);
    } finally {
      toClose.forEach(Tensor::close);
    }
  }

  /** The placeholder's shape with its one unknown dimension (if any) inferred from the value count. */
  static Shape fedShape(Shape declared, int count) {
    long[] dims = declared.asArray();
    long known = 1;
    int unknown = -1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0) {
        unknown = i;
      } else {
        known *= dims[i];
      }
    }
    if (unknown >= 0) {
      dims[unknown] = count / known;
    }
    return Shape.of(dims);
  }

  /** {@code n} copies of {@code v}. */
  static float[] filled(int n, double v) {
    float[] out = new float[n];
    java.util.Arrays.fill(out, (float) v);
    return out;
  }
}
