package org.edward4j.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edward4j.models.RandomVariableBuilder.BatchEvent;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;

/**
 * Batch and event shapes of the families whose event is a vector or a matrix (Dirichlet,
 * Multinomial, the multivariate normals): which trailing axes of each parameter are the event, and
 * the broadcast of what is left as the batch, checked before any op is built.
 */
final class EventShapes {

  private EventShapes() {}

  /**
   * The event is the last axis of each parameter named in {@code vectorParams} (sizes known and
   * equal, at least 1); every other parameter is batch-only. The batch is the broadcast of all the
   * parameters' batch parts.
   *
   * @throws IllegalArgumentException naming the parameter: no axis, an unknown or zero last axis,
   *     event sizes that differ, batch shapes that do not broadcast
   */
  static BatchEvent lastAxisEvent(Map<String, Shape> shapes, String... vectorParams) {
    return trailingEvent(shapes, Map.of(), List.of(vectorParams));
  }

  /**
   * Vector parameters (event {@code [k]}) and matrix parameters (event {@code [k, m]}), sharing
   * {@code k}: the event is {@code [k]}; the batch the broadcast of what is left.
   *
   * @param shapes every parameter's shape
   * @param matrixParams parameters whose last two axes are a matrix, and how its last axis must
   *     relate to {@code k}: {@code true} for a square {@code [k, k]} matrix, {@code false} for
   *     any known width {@code [k, r]}
   * @param vectorParams parameters whose last axis is {@code [k]}
   */
  static BatchEvent trailingEvent(Map<String, Shape> shapes, Map<String, Boolean> matrixParams, List<String> vectorParams) {
    Map<String, Shape> batchParts = new LinkedHashMap<>();
    long k = -2;
    String kFrom = null;
    for (Map.Entry<String, Shape> e : shapes.entrySet()) {
      String name = e.getKey();
      Shape s = e.getValue();
      int rank = s.numDimensions();
      int eventRank = matrixParams.containsKey(name) ? 2 : vectorParams.contains(name) ? 1 : 0;
      if (rank < eventRank) {
        throw new IllegalArgumentException("`" + name + "` must have at least " + eventRank + " axes ("
            + (eventRank == 2 ? "a matrix" : "the event") + "), got " + BroadcastShapes.format(s));
      }
      if (eventRank > 0) {
        long rows = s.size(rank - eventRank);
        if (rows < 1) {
          throw new IllegalArgumentException("`" + name + "` must have an event axis of known size >= 1, got "
              + BroadcastShapes.format(s));
        }
        if (k == -2) {
          k = rows;
          kFrom = name;
        } else if (rows != k) {
          throw new IllegalArgumentException("`" + name + "` must have event size " + k + " to match `" + kFrom
              + "`, got " + BroadcastShapes.format(s));
        }
        if (eventRank == 2) {
          long cols = s.size(rank - 1);
          if (matrixParams.get(name) ? cols != rows : cols < 1) {
            throw new IllegalArgumentException("`" + name + "` must be " + (matrixParams.get(name)
                ? "a square matrix [..., " + rows + ", " + rows + "]" : "a matrix of known width")
                + ", got " + BroadcastShapes.format(s));
          }
        }
      }
      batchParts.put(name, BroadcastShapes.slice(s, 0, rank - eventRank));
    }
    return new BatchEvent(BroadcastShapes.broadcastAll(batchParts), Shape.of(k));
  }

  /** A shape vector without its last {@code n} entries. */
  static Operand<TInt32> dropLast(Ops tf, Operand<TInt32> shape, int n) {
    return tf.slice(shape, tf.constant(new int[] {0}),
        tf.reshape(tf.math.sub(tf.size(shape), tf.constant(n)), tf.constant(new int[] {1})));
  }
}
