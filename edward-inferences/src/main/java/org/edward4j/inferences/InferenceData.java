package org.edward4j.inferences;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edward4j.core.ContextOwned;
import org.edward4j.core.ModelContext;
import org.edward4j.core.RandomVariable;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Checks and orders an inference's {@code latentVars} and {@code data} maps before any graph is
 * built: non-empty where required, no nulls, every tensor from the same open context.
 *
 * <p>Entries are ordered by the key's op name, so iteration (and with it the order in which random
 * ops take their seeds) does not depend on the {@link Map} implementation the caller used: {@code
 * Map.of} iterates in an order that changes from one JVM to the next.
 */
final class InferenceData {

  private InferenceData() {}

  /**
   * The context of the maps: {@code given} if not null, else the owner of the first key or value
   * that knows it (a random variable, a variable, a placeholder made by {@code ctx.placeholder}).
   * Every tensor of the maps must live in that context's graph.
   *
   * @throws IllegalArgumentException if the maps are both empty, no tensor knows its context and
   *     none was given, or tensors come from different contexts
   */
  static ModelContext context(
      ModelContext given, Map<Operand<?>, Operand<?>> latentVars, Map<Operand<?>, Operand<?>> data) {
    if (latentVars.isEmpty() && data.isEmpty()) {
      throw new IllegalArgumentException("`latentVars` and `data` are both empty: there is nothing to infer");
    }
    List<Operand<?>> all = new ArrayList<>();
    for (Map<Operand<?>, Operand<?>> m : List.of(latentVars, data)) {
      m.forEach((k, v) -> {
        all.add(k);
        all.add(v);
      });
    }
    ModelContext ctx = given != null ? given : ContextOwned.ownerOf(all, "latentVars and data").orElseThrow(
        () -> new IllegalArgumentException("no tensor of `latentVars` or `data` knows its ModelContext ("
            + describe(latentVars, data) + "): make the placeholder with ctx.placeholder(...), bind a random"
            + " variable, or pass the context as the first argument"));
    ctx.checkOpen();
    for (Operand<?> x : all) {
      if (!ctx.owns(x)) {
        throw new IllegalArgumentException(
            "every tensor must come from one ModelContext: " + name(x) + " does not belong to " + ctx);
      }
    }
    return ctx;
  }

  /**
   * Throws edward4j's own error when the given context, or the context of any key or value that
   * knows it, is closed. It reads nothing from TensorFlow, so it can run before {@link #ordered}
   * asks for op names: on a closed graph TensorFlow would fail first, with "close() has been called
   * on the Graph", which names neither the context nor the argument.
   *
   * @throws IllegalStateException naming the closed context
   */
  static void requireOpen(ModelContext given, Map<?, ?> latentVars, Map<?, ?> data) {
    if (given != null) {
      given.checkOpen();
    }
    for (Map<?, ?> m : java.util.Arrays.asList(latentVars, data)) {
      if (m == null) {
        continue;
      }
      m.forEach((k, v) -> {
        if (k instanceof ContextOwned o) {
          o.context().checkOpen();
        }
        if (v instanceof ContextOwned o) {
          o.context().checkOpen();
        }
      });
    }
  }

  /** A copy ordered by key name, rejecting null keys and values. */
  static Map<Operand<?>, Operand<?>> ordered(Map<? extends Operand<?>, ? extends Operand<?>> map, String argument) {
    if (map == null) {
      return Map.of();
    }
    List<Map.Entry<? extends Operand<?>, ? extends Operand<?>>> entries = new ArrayList<>(map.entrySet());
    for (Map.Entry<? extends Operand<?>, ? extends Operand<?>> e : entries) {
      Objects.requireNonNull(e.getKey(), () -> "`" + argument + "` has a null key");
      Objects.requireNonNull(e.getValue(), () -> "`" + argument + "` has a null value for " + name(e.getKey()));
    }
    entries.sort(Comparator.comparing(e -> name(e.getKey())));
    Map<Operand<?>, Operand<?>> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /**
   * The float32 tensor a key or value stands for: a random variable's value, or the tensor itself.
   *
   * @throws IllegalArgumentException if it is not float32
   */
  @SuppressWarnings("unchecked")
  static Operand<TFloat32> floatTensor(Operand<?> x, String what) {
    Operand<?> t = x instanceof RandomVariable<?> rv ? rv.value() : x;
    if (t.type() != TFloat32.class) {
      throw new IllegalArgumentException(
          "`" + what + "` must be a float32 tensor, got " + name(x) + " of type " + t.asOutput().dataType());
    }
    return (Operand<TFloat32>) t;
  }

  /** Whether a tensor is a placeholder that must be fed at each update. */
  static boolean isPlaceholder(Operand<?> x) {
    return x.op().type().equals(Placeholder.OP_NAME);
  }

  static String name(Operand<?> x) {
    if (x instanceof RandomVariable<?> rv) {
      return rv.name();
    }
    return x.op().name();
  }

  /** {@code latentVars={z->qz}, data={x->x_ph}}, for {@code toString()}. */
  static String describe(Map<Operand<?>, Operand<?>> latentVars, Map<Operand<?>, Operand<?>> data) {
    return (latentVars.isEmpty() ? "" : "latentVars=" + names(latentVars) + ", ") + "data=" + names(data);
  }

  private static String names(Map<Operand<?>, Operand<?>> m) {
    StringBuilder sb = new StringBuilder("{");
    m.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(name(k)).append("->").append(name(v)));
    return sb.append("}").toString();
  }

  /** {@code base}, or {@code base_1}, {@code base_2}, ... if a variable of that name exists. */
  static String unusedName(ModelContext ctx, String base) {
    String name = base;
    for (int i = 1; ctx.variables().get(name).isPresent(); i++) {
      name = base + "_" + i;
    }
    return name;
  }
}
