package org.edward4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.edward4j.datasets.Mnist;
import org.edward4j.datasets.MnistSplit;

/**
 * MNIST's training images as an RDD of 784-float rows, each partition reading its share (images
 * {@code i} with {@code i mod P = p}) from the executor's own dataset cache. Only partition
 * numbers travel in the tasks: {@code parallelize} over the images themselves would ship 94 MB
 * inside every task of every round. Each executor must have MNIST in its cache (edward4j's
 * {@code Mnist.load()} fetches it on first use; on a cluster without network, copy the cache).
 */
public final class MnistPartitions {

  private MnistPartitions() {}

  /**
   * The training images in {@code partitions} partitions, read on the executors.
   *
   * @param sc the context
   * @param partitions at least 1
   * @return one 784-float row per image, pixels in [0, 1]
   * @throws IllegalArgumentException if {@code partitions} is not positive
   */
  public static JavaRDD<float[]> train(JavaSparkContext sc, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("`partitions` must be at least 1, got " + partitions);
    }
    List<Integer> ids = IntStream.range(0, partitions).boxed().toList();
    return sc.parallelize(ids, partitions).flatMap(new Shard(partitions));
  }

  /** Reads one partition's share of the training images. */
  private record Shard(int partitions) implements FlatMapFunction<Integer, float[]> {
    @Override
    public Iterator<float[]> call(Integer p) {
      MnistSplit train;
      try {
        train = Mnist.load().train();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load MNIST on this executor: " + e.getMessage(), e);
      }
      List<float[]> rows = new ArrayList<>();
      for (int i = p; i < train.size(); i += partitions) {
        rows.add(train.image(i));
      }
      return rows.iterator();
    }
  }
}
