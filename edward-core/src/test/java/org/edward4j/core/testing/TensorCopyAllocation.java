package org.edward4j.core.testing;

import com.sun.management.ThreadMXBean;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TFloat32;

/**
 * What TF Java's bulk copy into a tensor ({@code FloatDataBuffer.write(float[])}) allocates on the
 * Java heap in this JVM, in its current JIT state: the floor under any feed path, since it creates
 * a small memory handle per call unless escape analysis removes it.
 */
public final class TensorCopyAllocation {

  private TensorCopyAllocation() {}

  /**
   * The fewest bytes allocated by {@code steps} copies of {@code values}, over five rounds.
   *
   * @param threads the thread bean, with allocation counting on
   * @param values what to copy
   * @param steps copies per round
   * @return bytes allocated by the quietest round
   */
  public static long bestOf(ThreadMXBean threads, float[] values, int steps) {
    long thread = Thread.currentThread().getId();
    long best = Long.MAX_VALUE;
    try (TFloat32 t = TFloat32.tensorOf(Shape.of(values.length))) {
      FloatDataBuffer buffer = t.asRawTensor().data().asFloats();
      for (int round = 0; round < 5; round++) {
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < steps; i++) {
          buffer.write(values);
        }
        best = Math.min(best, threads.getThreadAllocatedBytes(thread) - before);
      }
    }
    return best;
  }
}
