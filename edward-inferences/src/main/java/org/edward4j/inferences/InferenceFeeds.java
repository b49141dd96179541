package org.edward4j.inferences;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edward4j.core.Feeds;
import org.tensorflow.Operand;
import org.tensorflow.Output;

/**
 * An inference's feed dictionary between updates: reusable native buffers, and the placeholders
 * bound in {@code latentVars} or {@code data} that every update must feed, found once.
 */
final class InferenceFeeds implements AutoCloseable {

  private final Map<Output<?>, String> required;
  private Feeds feeds;

  InferenceFeeds(Map<Operand<?>, Operand<?>> latentVars, Map<Operand<?>, Operand<?>> data) {
    this.required = placeholders(latentVars, data);
  }

  /**
   * Copies a feed dictionary into the reusable buffers and checks that every bound placeholder has
   * a value, before any native run.
   *
   * @throws IllegalArgumentException for a value that does not fit, or a missing placeholder
   */
  Feeds prepare(Map<? extends Operand<?>, ?> feedDict) {
    if (feeds == null) {
      feeds = new Feeds();
    }
    feeds.clear();
    feeds.putAll(feedDict);
    Map<Output<?>, ?> fed = feeds.asMap();
    for (Map.Entry<Output<?>, String> r : required.entrySet()) {
      if (!fed.containsKey(r.getKey())) {
        throw new IllegalArgumentException(
            "`feedDict` must give a value for placeholder " + r.getKey().op().name() + " (bound in `"
                + r.getValue() + "`)");
      }
    }
    return feeds;
  }

  /** Frees the buffers; a later {@link #prepare} allocates new ones. */
  @Override
  public void close() {
    if (feeds != null) {
      feeds.close();
      feeds = null;
    }
  }

  private static Map<Output<?>, String> placeholders(
      Map<Operand<?>, Operand<?>> latentVars, Map<Operand<?>, Operand<?>> data) {
    Map<Output<?>, String> out = new LinkedHashMap<>();
    for (Map<Operand<?>, Operand<?>> m : List.of(latentVars, data)) {
      for (Map.Entry<Operand<?>, Operand<?>> e : m.entrySet()) {
        for (Operand<?> x : List.of(e.getKey(), e.getValue())) {
          if (InferenceData.isPlaceholder(x)) {
            out.putIfAbsent(x.asOutput(), m == data ? "data" : "latentVars");
          }
        }
      }
    }
    return out;
  }
}
