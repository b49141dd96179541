package org.edward4j.inferences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import org.edward4j.core.testing.TensorCopyAllocation;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.edward4j.core.ContextPlaceholder;
import org.edward4j.core.Feeds;
import org.edward4j.core.ModelContext;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * Issue 16: an inference's feed path allocates nothing on the Java heap in steady state, for the
 * dictionary a training loop passes ({@code Map.of(xPh, batch)}), and still takes dictionaries with
 * extra placeholders.
 */
class InferenceFeedsAllocationTest {

  private static final int STEPS = 200_000;

  @Test
  void preparingTheBoundPlaceholdersAllocatesNothingInSteadyState() {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    if (!threads.isThreadAllocatedMemorySupported()) {
      return;
    }
    threads.setThreadAllocatedMemoryEnabled(true);
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Normal mu = Normal.of(ctx.scope("model"), 0.0, 1.0);
      Normal x = Normal.builder(ctx.scope("model")).loc(mu).scale(1.0).sampleShape(3).build();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(3));
      Map<Operand<?>, Operand<?>> data = Map.of(x, xPh);
      try (InferenceFeeds feeds = new InferenceFeeds(Map.of(), data)) {
        float[] batch = {1, 2, 3};
        // The caller's dictionary, made once: Map.of(xPh, batch) inside the loop costs the caller one
        // 32-byte object per step unless the JIT inlines prepare into the loop; that is the caller's
        // allocation, not the feed path's.
        Map<ContextPlaceholder<TFloat32>, float[]> feedDict = Map.of(xPh, batch);
        long thread = Thread.currentThread().getId();
        long copy = TensorCopyAllocation.bestOf(threads, batch, STEPS);
        // Rounds until the JIT has compiled the loop (escape analysis only happens in C2, which may
        // take a while on a busy machine); the first round includes making the buffers.
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 60 && best > copy + 64 * 1024; round++) {
          long before = threads.getThreadAllocatedBytes(thread);
          for (int i = 0; i < STEPS; i++) {
            feeds.prepare(feedDict);
          }
          best = Math.min(best, threads.getThreadAllocatedBytes(thread) - before);
        }
        // What TF Java's own bulk copy allocates in this JVM is the floor (a small handle per call
        // when the JIT does not remove it); edward4j's path may add nothing per step: one 16-byte
        // object per step would cost 3.2 MB per round.
        assertTrue(best <= copy + 64 * 1024, "prepare allocated at least " + best + " bytes in every round of " + STEPS
            + " steps; TF Java's copy alone allocates " + copy);
      }
    }
  }

  @Test
  void extraPlaceholdersAreStillFed() {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Normal mu = Normal.of(ctx.scope("model"), 0.0, 1.0);
      Normal x = Normal.builder(ctx.scope("model")).loc(mu).scale(1.0).sampleShape(2).build();
      ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(2));
      ContextPlaceholder<TFloat32> rate = ctx.placeholder("rate", TFloat32.class, Shape.scalar());
      try (InferenceFeeds feeds = new InferenceFeeds(Map.of(), Map.of(x, xPh))) {
        Feeds f = feeds.prepare(Map.of(xPh, new float[] {1, 2}, rate, new float[] {3}));
        assertArrayEquals(new float[] {4, 5},
            ctx.eval(ctx.tf().math.add(xPh, rate), f.asMap()).data());
        f = feeds.prepare(Map.of(xPh, new float[] {5, 6}));
        assertTrue(!f.asMap().containsKey(rate.asOutput()), "a placeholder not fed this step must not linger");
      }
    }
  }
}
