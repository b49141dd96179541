package org.edward4j.criticisms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.types.family.TType;

/**
 * The tensors a {@link Discrepancy} reads: each key of {@code data} (or of the latent variables)
 * bound to the tensor that stands for it in this evaluation, Edward's {@code xs} and {@code zs}
 * dictionaries.
 *
 * <p>{@link #get} keeps the key's element type, so a discrepancy needs no casts: {@code
 * xs.get(xPost)} of a {@code Bernoulli<TInt32>} is an {@code Operand<TInt32>}.
 *
 * <pre>{@code
 * Discrepancy mean = (xs, zs) -> tf.math.mean(tf.dtypes.cast(xs.get(xPost), TFloat32.class), tf.constant(0));
 * }</pre>
 */
public final class Bindings {

  private final Map<Operand<?>, Operand<?>> bound;

  Bindings(Map<Operand<?>, Operand<?>> bound) {
    this.bound = Collections.unmodifiableMap(new LinkedHashMap<>(bound));
  }

  /**
   * The tensor bound to {@code key}.
   *
   * @param key a key of the map this was built from
   * @param <T> the element type, kept from the key
   * @return the bound tensor: replicated data, observed data, or a posterior sample
   * @throws IllegalArgumentException listing the bound keys when {@code key} is not one of them
   */
  @SuppressWarnings("unchecked")
  public <T extends TType> Operand<T> get(Operand<T> key) {
    Operand<?> value = bound.get(Objects.requireNonNull(key, "key"));
    if (value == null) {
      throw new IllegalArgumentException("no tensor is bound to " + key.op().name() + "; bound keys are " + names());
    }
    return (Operand<T>) value;
  }

  /**
   * Whether {@code key} is bound.
   *
   * @param key a data key or latent variable
   * @return whether {@link #get} finds it
   */
  public boolean contains(Operand<?> key) {
    return bound.containsKey(key);
  }

  /**
   * The bound keys, in order.
   *
   * @return the keys, as given
   */
  public List<Operand<?>> keys() {
    return List.copyOf(bound.keySet());
  }

  private List<String> names() {
    return bound.keySet().stream().map(k -> k.op().name()).toList();
  }

  @Override
  public String toString() {
    return "Bindings" + names();
  }
}
