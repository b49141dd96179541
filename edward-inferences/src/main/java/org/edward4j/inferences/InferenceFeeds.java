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

  /**
   * The bound placeholders (as bound, and as outputs), in arrays so that the per-step copy and
   * check allocate nothing.
   */
  private final Operand<?>[] bound;
  private final Output<?>[] required;
  /** Where each was bound: {@code "data"} or {@code "latentVars"}. */
  private final String[] boundIn;
  private Feeds feeds;

  InferenceFeeds(Map<Operand<?>, Operand<?>> latentVars, Map<Operand<?>, Operand<?>> data) {
    Map<Output<?>, Operand<?>> operands = new LinkedHashMap<>();
    Map<Output<?>, String> placeholders = placeholders(latentVars, data, operands);
    this.required = placeholders.keySet().toArray(new Output<?>[0]);
    this.bound = operands.values().toArray(new Operand<?>[0]);
    this.boundIn = placeholders.values().toArray(new String[0]);
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
    // The training loop's case: the dictionary holds exactly the bound placeholders, keyed by the
    // objects that were bound. Looking each up, rather than iterating the caller's map (which for
    // Map.of allocates an entry set and iterator on every call), keeps a step allocation-free.
    int found = 0;
    for (Operand<?> b : bound) {
      Object value = feedDict.get(b);
      if (value != null) {
        feeds.put(b, value);
        found++;
      }
    }
    if (found == bound.length && found == feedDict.size()) {
      return feeds;
    }
    // Extra placeholders, or the bound ones under other keys: take the dictionary as it is.
    feeds.clear();
    feeds.putAll(feedDict);
    Map<Output<?>, ?> fed = feeds.asMap();
    for (int i = 0; i < required.length; i++) {
      if (!fed.containsKey(required[i])) {
        throw new IllegalArgumentException(
            "`feedDict` must give a value for placeholder " + required[i].op().name() + " (bound in `"
                + boundIn[i] + "`)");
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
      Map<Operand<?>, Operand<?>> latentVars, Map<Operand<?>, Operand<?>> data, Map<Output<?>, Operand<?>> operands) {
    Map<Output<?>, String> out = new LinkedHashMap<>();
    for (Map<Operand<?>, Operand<?>> m : List.of(latentVars, data)) {
      for (Map.Entry<Operand<?>, Operand<?>> e : m.entrySet()) {
        for (Operand<?> x : List.of(e.getKey(), e.getValue())) {
          if (InferenceData.isPlaceholder(x)) {
            out.putIfAbsent(x.asOutput(), m == data ? "data" : "latentVars");
            operands.putIfAbsent(x.asOutput(), x);
          }
        }
      }
    }
    return out;
  }
}
