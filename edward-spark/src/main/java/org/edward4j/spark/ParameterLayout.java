package org.edward4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.edward4j.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The names and shapes of the variables a job averages, in order: parameters first, then the
 * optimizer state when it is averaged. Every task compares the model it built with the driver's
 * layout before training, so a model function that builds different graphs in different places
 * fails with the difference named instead of averaging unrelated numbers.
 */
public final class ParameterLayout implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The variables' full names, in order. */
  private final List<String> names;
  /** Their shapes, in the same order. */
  private final List<long[]> shapes;
  /** How many of the leading variables are parameters. */
  private final int parameterCount;

  private ParameterLayout(List<String> names, List<long[]> shapes, int parameterCount) {
    this.names = List.copyOf(names);
    this.shapes = List.copyOf(shapes);
    this.parameterCount = parameterCount;
  }

  /**
   * The layout of a replica's variables.
   *
   * @param replica the replica, just built
   * @param withOptimizerState whether the optimizer state is averaged too
   * @return its layout
   * @throws IllegalArgumentException if a variable is not float32, is listed twice, or there are no
   *     parameters
   */
  public static ParameterLayout of(TrainingReplica replica, boolean withOptimizerState) {
    Objects.requireNonNull(replica, "replica");
    List<Variable<?>> params = Objects.requireNonNull(replica.parameters(), "replica.parameters()");
    List<Variable<?>> state = Objects.requireNonNull(replica.optimizerState(), "replica.optimizerState()");
    if (params.isEmpty()) {
      throw new IllegalArgumentException("the replica's `parameters()` must list at least one variable, got none");
    }
    List<Variable<?>> all = new ArrayList<>(params);
    if (withOptimizerState) {
      all.addAll(state);
    }
    List<String> names = new ArrayList<>();
    List<long[]> shapes = new ArrayList<>();
    for (Variable<?> v : all) {
      if (v.dtype() != TFloat32.class) {
        throw new IllegalArgumentException("only float32 variables can be averaged; variable " + v.name()
            + " is " + v.dtype().getSimpleName());
      }
      if (names.contains(v.name())) {
        throw new IllegalArgumentException("variable " + v.name() + " is listed twice in the replica's parameters"
            + " and optimizer state");
      }
      names.add(v.name());
      shapes.add(v.shape().asArray());
    }
    return new ParameterLayout(names, shapes, params.size());
  }

  /**
   * The variable names, in order.
   *
   * @return the full names, e.g. {@code Gen/dense/kernel}
   */
  public List<String> names() {
    return names;
  }

  /**
   * The shape of one variable.
   *
   * @param i its index in {@link #names()}
   * @return a copy of its shape
   */
  public long[] shape(int i) {
    return shapes.get(i).clone();
  }

  /**
   * The number of elements of one variable.
   *
   * @param i its index in {@link #names()}
   * @return the product of its dimensions
   */
  public int size(int i) {
    long n = 1;
    for (long d : shapes.get(i)) {
      n *= d;
    }
    return Math.toIntExact(n);
  }

  /**
   * How many of the leading variables are model parameters (the rest are optimizer state).
   *
   * @return the number of parameters
   */
  public int parameterCount() {
    return parameterCount;
  }

  /**
   * The total number of floats averaged per round.
   *
   * @return the sum of the variables' sizes
   */
  public long totalSize() {
    long n = 0;
    for (int i = 0; i < names.size(); i++) {
      n += size(i);
    }
    return n;
  }

  /**
   * Describes how another layout differs from this one, or returns empty when they match.
   *
   * @param other a task's layout
   * @return the differences, e.g. {@code "Gen/dense/kernel: shape [100, 64] here, [100, 128] on
   *     the driver"}; empty if the same
   */
  public List<String> differencesFrom(ParameterLayout other) {
    List<String> diffs = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      int j = other.names.indexOf(names.get(i));
      if (j < 0) {
        diffs.add(names.get(i) + ": missing here, on the driver " + Arrays.toString(shapes.get(i)));
      } else if (!Arrays.equals(shapes.get(i), other.shapes.get(j))) {
        diffs.add(names.get(i) + ": shape " + Arrays.toString(other.shapes.get(j)) + " here, "
            + Arrays.toString(shapes.get(i)) + " on the driver");
      } else if (i != j) {
        diffs.add(names.get(i) + ": position " + j + " here, " + i + " on the driver");
      }
    }
    for (String name : other.names) {
      if (!names.contains(name)) {
        diffs.add(name + ": built here, absent on the driver");
      }
    }
    return diffs;
  }

  @Override
  public String toString() {
    return "ParameterLayout(" + names.size() + " variables, " + parameterCount + " parameters, "
        + totalSize() + " floats)";
  }
}
