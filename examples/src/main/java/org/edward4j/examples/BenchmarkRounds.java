package org.edward4j.examples;

import java.util.List;

/** What the benchmarks print about their alternating rounds: the median and the rounds themselves. */
final class BenchmarkRounds {

  private BenchmarkRounds() {}

  /**
   * The median of the rounds.
   *
   * @param xs one figure per round, at least one
   * @return the middle value, or the mean of the two middle ones
   */
  static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }

  /**
   * The rounds in order, as {@code [v1 v2 ...]}.
   *
   * @param xs one figure per round
   * @param format each figure's format, e.g. {@code "%.0f"}
   * @return the list
   */
  static String format(List<Double> xs, String format) {
    StringBuilder sb = new StringBuilder("[");
    xs.forEach(v -> sb.append(sb.length() > 1 ? " " : "").append(String.format(format, v)));
    return sb.append("]").toString();
  }
}
