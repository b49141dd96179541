package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

class SampleStoreTest {

  private ModelContext ctx;
  private VariableScope scope;
  private Ops tf;

  @BeforeEach
  void open() {
    ctx = ModelContext.withSeed(3);
    scope = ctx.scope("posterior");
    tf = ctx.tf();
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  /** Runs one update feeding the accept flag; returns {t, nAccept} as read after the update. */
  private long[] update(SampleStore.Recorded recorded, Placeholder<TBool> accept, boolean value) {
    Session.Runner runner = ctx.session().runner().addTarget(recorded.update()).fetch(recorded.t()).fetch(recorded.nAccept());
    try (TBool flag = TBool.scalarOf(value)) {
      runner.feed(accept, flag);
      try (Result r = ctx.run(runner)) {
        return new long[] {((TInt64) r.get(0)).getLong(), ((TInt64) r.get(1)).getLong()};
      }
    }
  }

  @Test
  void writesRowTFromRowTMinusOneAndCountsAcceptances() {
    Variable<TFloat32> qz = scope.getVariable("qz", Shape.of(4, 2), Initializers.constant(5.0));
    Variable<TFloat32> qs = scope.getVariable("qs", Shape.of(3), Initializers.zeros());
    SampleStore store = SampleStore.create(scope, List.of(qz, qs));
    assertEquals(3, store.capacity(), "the smallest T, as Edward's n_iter");
    Placeholder<TBool> accept = tf.placeholder(TBool.class, Placeholder.shape(Shape.scalar()));
    List<org.tensorflow.Operand<TFloat32>> current = store.current(tf);
    assertEquals(Shape.of(2), current.get(0).shape());
    assertEquals(Shape.scalar(), current.get(1).shape());
    // A "kernel" that adds one to every value, accepted as fed.
    KernelStep step = new KernelStep(
        List.of(tf.math.add(current.get(0), tf.constant(1f)), tf.math.add(current.get(1), tf.constant(1f))),
        accept, tf.constant(0f), List.of());
    SampleStore.Recorded recorded = store.record(tf, step);
    assertArrayEquals(new long[] {1, 1}, update(recorded, accept, true));
    assertArrayEquals(new long[] {2, 1}, update(recorded, accept, false));
    assertArrayEquals(new long[] {3, 2}, update(recorded, accept, true));
    // Row 0 held the start (5, 0); update t read row max(t - 1, 0) and wrote row t.
    assertArrayEquals(new float[] {6, 6, 7, 7, 8, 8, 5, 5}, ctx.eval(qz).data());
    assertArrayEquals(new float[] {1, 2, 3}, ctx.eval(qs).data());

    // A fourth update would write past qs' last row: a clear error, not a write out of bounds.
    TFInvalidArgumentException full = assertThrows(TFInvalidArgumentException.class, () -> update(recorded, accept, true));
    assertTrue(full.getMessage().contains("SampleStore posterior is full: it holds 3 draws"), full.getMessage());
    assertArrayEquals(new float[] {1, 2, 3}, ctx.eval(qs).data());

    try (Result r = ctx.run(ctx.session().runner().addTarget(store.reset(tf)))) {
      assertEquals(0, r.size());
    }
    assertEquals(0f, ctx.eval(store.t()).data()[0]);
    assertEquals(0f, ctx.eval(store.nAccept()).data()[0]);
    assertTrue(store.toString().contains("capacity=3"), store.toString());
  }

  @Test
  void rejectsBadParamsAndSteps() {
    Variable<TFloat32> empty = scope.getVariable("empty", Shape.of(0, 2), Initializers.zeros());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleStore.create(scope, List.of(empty)));
    assertEquals("`params[0]` (posterior/empty) must have shape [T, ...] with T >= 1 samples, got [0, 2]", e.getMessage());
    Variable<TFloat32> scalar = scope.getVariable("scalar", Shape.scalar(), Initializers.zeros());
    e = assertThrows(IllegalArgumentException.class, () -> SampleStore.create(scope, List.of(scalar)));
    assertTrue(e.getMessage().contains("T >= 1 samples, got []"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SampleStore.create(scope, List.of()));
    assertEquals("`params` must hold at least one variable, got an empty list", e.getMessage());

    Variable<TFloat32> qz = scope.getVariable("qz", Shape.of(10, 2), Initializers.zeros());
    SampleStore store = SampleStore.create(scope, List.of(qz));
    KernelStep wrongShape = new KernelStep(List.of(tf.constant(new float[] {1, 2, 3})), tf.constant(true), tf.constant(0f), List.of());
    e = assertThrows(IllegalArgumentException.class, () -> store.record(tf, wrongShape));
    assertEquals("`step.state[0]` must have shape [2] to match posterior/qz [10, 2] without its first axis, got [3]",
        e.getMessage());
    KernelStep twoValues = new KernelStep(
        List.of(tf.constant(new float[] {1, 2}), tf.constant(1f)), tf.constant(true), tf.constant(0f), List.of());
    e = assertThrows(IllegalArgumentException.class, () -> store.record(tf, twoValues));
    assertEquals("`step.state` must have 1 tensors, one per params variable, got 2", e.getMessage());
  }
}
