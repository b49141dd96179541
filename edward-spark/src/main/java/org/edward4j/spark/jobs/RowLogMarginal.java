package org.edward4j.spark.jobs;

import java.io.Serializable;

/**
 * One test row's importance-sampled {@code log p(x)}, with the row's global index (its position in
 * the data set, as {@code zipWithIndex} numbers it).
 *
 * @param index the row's global index, from 0
 * @param logMarginal the estimate of {@code log p(x)} in nats
 * @serial exclude (sent between the driver and the executors of one job, not stored)
 */
public record RowLogMarginal(long index, double logMarginal) implements Serializable {
  private static final long serialVersionUID = 1L;
}
