package org.edward4j.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The running sum of replicas' variables in one round, in double precision, with their losses
 * and timings: the value Spark's {@code treeAggregate} folds and merges.
 *
 * <p>Sums are doubles so that averaging is exact where the maths says it is: n identical float
 * values sum exactly in double for any n below 2^29, and their mean rounds back to the same float.
 */
final class ParameterSum implements Serializable {

  private static final long serialVersionUID = 1L;

  private double[][] sums;
  private long replicas;
  private long updates;
  private final Map<String, Double> lossSums = new LinkedHashMap<>();
  private long dataNanos;
  private long buildNanos;
  private long trainNanos;
  private long transferNanos;

  /** Adds one replica's result. */
  ParameterSum add(ReplicaResult r) {
    float[][] v = r.values();
    if (sums == null) {
      sums = new double[v.length][];
      for (int i = 0; i < v.length; i++) {
        sums[i] = new double[v[i].length];
      }
    }
    for (int i = 0; i < v.length; i++) {
      double[] s = sums[i];
      float[] x = v[i];
      for (int j = 0; j < x.length; j++) {
        s[j] += x[j];
      }
    }
    replicas++;
    updates += r.updates();
    r.lossSums().forEach((k, x) -> lossSums.merge(k, x, Double::sum));
    dataNanos += r.dataNanos();
    buildNanos += r.buildNanos();
    trainNanos += r.trainNanos();
    transferNanos += r.transferNanos();
    return this;
  }

  /** Merges another partial sum into this one. */
  ParameterSum merge(ParameterSum other) {
    if (other.sums != null) {
      if (sums == null) {
        sums = other.sums;
      } else {
        for (int i = 0; i < sums.length; i++) {
          double[] s = sums[i];
          double[] o = other.sums[i];
          for (int j = 0; j < s.length; j++) {
            s[j] += o[j];
          }
        }
      }
    }
    replicas += other.replicas;
    updates += other.updates;
    other.lossSums.forEach((k, x) -> lossSums.merge(k, x, Double::sum));
    dataNanos += other.dataNanos;
    buildNanos += other.buildNanos;
    trainNanos += other.trainNanos;
    transferNanos += other.transferNanos;
    return this;
  }

  /** The mean of the summed variables, rounded to float. */
  float[][] mean() {
    float[][] out = new float[sums.length][];
    for (int i = 0; i < sums.length; i++) {
      out[i] = new float[sums[i].length];
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = (float) (sums[i][j] / replicas);
      }
    }
    return out;
  }

  long replicas() {
    return replicas;
  }

  long updates() {
    return updates;
  }

  /** Each loss averaged over every update of every replica. */
  Map<String, Double> meanLosses() {
    Map<String, Double> out = new LinkedHashMap<>();
    lossSums.forEach((k, x) -> out.put(k, x / Math.max(1, updates)));
    return out;
  }

  long dataNanos() {
    return dataNanos;
  }

  long buildNanos() {
    return buildNanos;
  }

  long trainNanos() {
    return trainNanos;
  }

  long transferNanos() {
    return transferNanos;
  }
}
