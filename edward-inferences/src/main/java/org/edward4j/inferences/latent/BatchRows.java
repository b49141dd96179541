package org.edward4j.inferences.latent;

import java.util.Arrays;
import java.util.Objects;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A batch as the estimator's callers see it, one flattened row per example, and as TensorFlow
 * holds it, one row-major buffer: conversions both ways with the shape checks and messages.
 */
final class BatchRows {

  private BatchRows() {}

  static float[] flatten(float[][] rows, Shape shape, String what, String why) {
    Objects.requireNonNull(rows, what);
    long rowSize = shape.size() / shape.get(0);
    boolean ok = rows.length == shape.get(0);
    for (int i = 0; ok && i < rows.length; i++) {
      ok = rows[i] != null && rows[i].length == rowSize;
    }
    if (!ok) {
      String got = rows.length == 0 || rows[0] == null ? "[" + rows.length + "]" : "[" + rows.length + ", " + rows[0].length + "]";
      for (int i = 0; i < rows.length; i++) {
        if (rows[i] == null || (rows[0] != null && rows[i].length != rows[0].length)) {
          got = "ragged rows (row " + i + " has " + (rows[i] == null ? "none" : rows[i].length + " values") + ")";
          break;
        }
      }
      throw new IllegalArgumentException("`" + what + "` must have shape [" + shape.get(0) + ", " + rowSize + "] (" + shape
          + " flattened per example) " + why + ", got " + got);
    }
    float[] flat = new float[(int) shape.size()];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, (int) (i * rowSize), (int) rowSize);
    }
    return flat;
  }

  static float[] floats(Result r, int i) {
    TFloat32 t = (TFloat32) r.get(i);
    float[] out = new float[(int) t.size()];
    t.asRawTensor().data().asFloats().read(out);
    return out;
  }

  static float[][] split(float[] flat, int batch) {
    int n = flat.length / batch;
    float[][] out = new float[batch][];
    for (int i = 0; i < batch; i++) {
      out[i] = Arrays.copyOfRange(flat, i * n, (i + 1) * n);
    }
    return out;
  }

  static double[] toDoubles(float[] xs) {
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = xs[i];
    }
    return out;
  }
}
