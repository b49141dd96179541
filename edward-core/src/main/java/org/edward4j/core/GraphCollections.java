package org.edward4j.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.family.TNumber;

/**
 * TF1's graph collections, owned by one model context: named items under well-known keys,
 * filterable by scope as {@code tf.get_collection(TRAINABLE_VARIABLES, scope="Disc")} is.
 *
 * <p>Unlike TF1, which matches the scope as a regular expression at the start of the name (so
 * {@code "Disc"} also matches {@code "Discriminator/w"}), a scope here matches whole path
 * components: {@code "Disc"} matches {@code Disc} and {@code Disc/...} only.
 */
public final class GraphCollections {

  /** The collection keys, with TF1's names. */
  public enum Key {
    /** Every variable. */
    GLOBAL_VARIABLES,
    /** Variables optimizers train by default. */
    TRAINABLE_VARIABLES,
    /** Penalty tensors that losses add; named by the variable they penalize. */
    REGULARIZATION_LOSSES,
    /** Ops to run with each training step, such as batch-normalization moving averages. */
    UPDATE_OPS,
    /** Loss tensors a model registers. */
    LOSSES,
    /** Every random variable, in build order (Edward's {@code ed.random_variables()}). */
    RANDOM_VARIABLES;

    /**
     * Parses a TF1 name such as {@code "trainable_variables"}.
     *
     * @param name the key, case-insensitive
     * @return the key
     * @throws IllegalArgumentException listing the valid keys
     */
    public static Key parse(String name) {
      for (Key k : values()) {
        if (k.name().equalsIgnoreCase(Objects.requireNonNullElse(name, "").trim())) {
          return k;
        }
      }
      throw new IllegalArgumentException(
          "collection key must be one of " + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ", got " + name);
    }
  }

  private record Entry(String name, Object item) {}

  private final Map<Key, List<Entry>> entries = new EnumMap<>(Key.class);

  /**
   * Adds an item.
   *
   * @param key the collection
   * @param name the item's scoped name, used by scope filters
   * @param item a variable, tensor or op
   */
  public synchronized void add(Key key, String name, Object item) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(item, "item");
    entries.computeIfAbsent(key, k -> new ArrayList<>()).add(new Entry(name, item));
  }

  /**
   * The items of a collection under a scope, in insertion order.
   *
   * @param key the collection
   * @param scope a scope path such as {@code "Disc"}, or {@code null} or {@code ""} for all
   * @return the matching items
   */
  public synchronized List<Object> get(Key key, String scope) {
    Objects.requireNonNull(key, "key");
    List<Object> out = new ArrayList<>();
    for (Entry e : entries.getOrDefault(key, List.of())) {
      if (inScope(e.name(), scope)) {
        out.add(e.item());
      }
    }
    return out;
  }

  /**
   * The trainable variables under {@code scope} ({@code null} for all).
   *
   * @param scope a variable-scope path such as {@code "Disc"}, matched by whole path components;
   *     {@code null} or {@code ""} for every scope
   * @return a new list in creation order; what an optimizer's {@code varList} usually is
   */
  public List<Variable<?>> trainableVariables(String scope) {
    return variables(Key.TRAINABLE_VARIABLES, scope);
  }

  /**
   * All variables under {@code scope} ({@code null} for all).
   *
   * @param scope a variable-scope path such as {@code "Disc"}, matched by whole path components;
   *     {@code null} or {@code ""} for every scope
   * @return a new list in creation order, non-trainable ones (optimizer slots, moving averages)
   *     included
   */
  public List<Variable<?>> globalVariables(String scope) {
    return variables(Key.GLOBAL_VARIABLES, scope);
  }

  /**
   * The regularization penalties of variables under {@code scope} ({@code null} for all).
   *
   * @param scope a variable-scope path such as {@code "Disc"}, matched against the penalized
   *     variable's name; {@code null} or {@code ""} for every scope
   * @return a new list of scalar penalty tensors in creation order, to add to the loss
   */
  @SuppressWarnings("unchecked")
  public List<Operand<? extends TNumber>> regularizationLosses(String scope) {
    List<Operand<? extends TNumber>> out = new ArrayList<>();
    for (Object o : get(Key.REGULARIZATION_LOSSES, scope)) {
      out.add((Operand<? extends TNumber>) o);
    }
    return out;
  }

  /**
   * The update ops registered under {@code scope} ({@code null} for all).
   *
   * @param scope a variable-scope path such as {@code "Disc"}, matched against the name each op
   *     was registered under (batch normalization uses its moving averages' names); {@code null}
   *     or {@code ""} for every scope
   * @return a new list in registration order, for {@code TrainOptions.withUpdateOps}
   */
  public List<Op> updateOps(String scope) {
    List<Op> out = new ArrayList<>();
    for (Object o : get(Key.UPDATE_OPS, scope)) {
      out.add((Op) o);
    }
    return out;
  }

  /**
   * The random variables built under {@code scope} ({@code null} for all), Edward's {@code
   * ed.random_variables()}.
   *
   * @param scope an op-name prefix such as {@code "model"}, matched by whole path components
   *     against each random variable's name; {@code null} or {@code ""} for every scope
   * @return a new list in build order, copies made by inferences included
   */
  public List<RandomVariable<?>> randomVariables(String scope) {
    List<RandomVariable<?>> out = new ArrayList<>();
    for (Object o : get(Key.RANDOM_VARIABLES, scope)) {
      out.add((RandomVariable<?>) o);
    }
    return out;
  }

  private List<Variable<?>> variables(Key key, String scope) {
    List<Variable<?>> out = new ArrayList<>();
    for (Object o : get(key, scope)) {
      out.add((Variable<?>) o);
    }
    return out;
  }

  /**
   * Whether a scoped name lies in a scope, matching whole path components.
   *
   * @param name e.g. {@code Disc/dense/kernel}
   * @param scope e.g. {@code Disc}; {@code null} or empty matches everything
   * @return whether it matches
   */
  public static boolean inScope(String name, String scope) {
    if (scope == null || scope.isEmpty()) {
      return true;
    }
    String s = scope.endsWith("/") ? scope.substring(0, scope.length() - 1) : scope;
    return name.equals(s) || name.startsWith(s + "/");
  }

  @Override
  public synchronized String toString() {
    StringBuilder sb = new StringBuilder("GraphCollections{");
    entries.forEach((k, v) -> sb.append(k).append('=').append(v.size()).append(' '));
    return sb.append('}').toString();
  }
}
