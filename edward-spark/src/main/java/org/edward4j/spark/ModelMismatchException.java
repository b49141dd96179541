package org.edward4j.spark;

import java.util.List;

/**
 * A task built a model whose averaged variables differ from the driver's (names, shapes or
 * order): the model function does not build the same graph everywhere, so averaging would mix
 * unrelated numbers. Thrown on the executor before any training, and rethrown on the driver.
 */
public final class ModelMismatchException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** The partition whose task built the other model. */
  private final int partition;
  /** One line per variable that differs. */
  private final List<String> differences;

  /**
   * An exception naming the partition and every difference.
   *
   * @param partition the partition whose task built the other model
   * @param differences one line per variable that differs
   */
  public ModelMismatchException(int partition, List<String> differences) {
    super("the model function built different variables in the task of partition " + partition
        + " than on the driver, so their values cannot be averaged: " + String.join("; ", differences)
        + ". A model function must build the same graph wherever it runs (no dependence on the host,"
        + " the partition or executor-local state)");
    this.partition = partition;
    this.differences = List.copyOf(differences);
  }

  /**
   * The partition whose task built the other model.
   *
   * @return its index
   */
  public int partition() {
    return partition;
  }

  /**
   * The differences, one per variable.
   *
   * @return lines such as {@code "Disc/dense/kernel: shape [784, 64] here, [784, 128] on the driver"}
   */
  public List<String> differences() {
    return differences;
  }
}
