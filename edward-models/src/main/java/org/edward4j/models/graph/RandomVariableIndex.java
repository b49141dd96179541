package org.edward4j.models.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.edward4j.core.RandomVariable;
import org.tensorflow.Operand;
import org.tensorflow.Output;

/**
 * A snapshot of a collection of random variables, indexed by the tensors a graph walk meets: each
 * variable's value op, and each of its parameter tensors.
 *
 * <p>A random variable is a node of the TensorFlow graph at its value op, whose inputs are the
 * ops that drew the value and, in addition, its parameter tensors. The parameter edge matters for an
 * observed variable (Edward's {@code value=}), whose value does not read its parameters: its
 * distribution still depends on them, so its parents are found through them.
 */
final class RandomVariableIndex {

  private final List<RandomVariable<?>> variables;
  private final Map<RandomVariable<?>, Integer> order = new IdentityHashMap<>();
  private final Map<String, RandomVariable<?>> byValueOp = new HashMap<>();
  private final Map<String, List<RandomVariable<?>>> byParameter = new HashMap<>();

  RandomVariableIndex(List<RandomVariable<?>> variables) {
    this.variables = List.copyOf(variables);
    for (RandomVariable<?> rv : this.variables) {
      order.putIfAbsent(rv, order.size());
      byValueOp.put(rv.value().op().name(), rv);
      for (Operand<?> p : rv.parameters().values()) {
        byParameter.computeIfAbsent(key(p.asOutput()), k -> new ArrayList<>(1)).add(rv);
      }
    }
  }

  /** How many random variables the snapshot holds. */
  int size() {
    return variables.size();
  }

  /** The random variables, in collection order. */
  List<RandomVariable<?>> variables() {
    return variables;
  }

  /** Whether the random variable belongs to the collection. */
  boolean contains(RandomVariable<?> rv) {
    return order.containsKey(rv);
  }

  /** The random variable whose value {@code t} is, or null. */
  RandomVariable<?> atValue(Output<?> t) {
    RandomVariable<?> rv = byValueOp.get(t.op().name());
    return rv != null && t.index() == 0 ? rv : null;
  }

  /** The random variables that take {@code t} as a parameter. */
  List<RandomVariable<?>> takingParameter(String tensorKey) {
    return byParameter.getOrDefault(tensorKey, List.of());
  }

  /** The items of {@code found}, ordered as the collection is. */
  List<RandomVariable<?>> inOrder(Iterable<RandomVariable<?>> found) {
    List<RandomVariable<?>> out = new ArrayList<>();
    for (RandomVariable<?> rv : found) {
      out.add(rv);
    }
    out.sort((x, y) -> Integer.compare(order.get(x), order.get(y)));
    return out;
  }

  /** A tensor's name, {@code op:index}, the identity walks compare by. */
  static String key(Output<?> t) {
    return t.op().name() + ":" + t.index();
  }
}
