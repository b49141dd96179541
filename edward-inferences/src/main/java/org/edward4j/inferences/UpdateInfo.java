package org.edward4j.inferences;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one {@code update} reports, Edward's {@code info_dict}: the iteration {@code t} (the number
 * of calls to {@code update} so far) and the losses by Edward's keys ({@code "loss"}, {@code
 * "loss_d"}).
 *
 * <p>A side not updated reports 0.0, as Edward does.
 */
public final class UpdateInfo {

  private final long t;
  private final Map<String, Double> values;

  /**
   * An info map.
   *
   * @param t the iteration
   * @param values the losses and other figures, by key, in display order
   */
  public UpdateInfo(long t, Map<String, Double> values) {
    this.t = t;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
  }

  /**
   * The number of calls to {@code update} so far, including this one.
   *
   * @return the number of calls to {@code update} so far, including this one
   */
  public long t() {
    return t;
  }

  /**
   * The generator's (or the variational) loss, key {@code "loss"}.
   *
   * @return the generator's (or the variational) loss, key {@code "loss"}
   */
  public double loss() {
    return get("loss");
  }

  /**
   * The discriminator's loss, key {@code "loss_d"}.
   *
   * @return the discriminator's loss, key {@code "loss_d"}
   */
  public double lossD() {
    return get("loss_d");
  }

  /**
   * A value by Edward's key.
   *
   * @param key e.g. {@code "loss"}, {@code "loss_d"}, or {@code "t"}
   * @return the value
   * @throws IllegalArgumentException listing the keys present
   */
  public double get(String key) {
    if ("t".equals(key)) {
      return t;
    }
    Double v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("no `" + key + "` in this info map; keys are t, " + values.keySet());
    }
    return v;
  }

  /**
   * Every value except {@code t}, in display order.
   *
   * @return every value except {@code t}, in display order
   */
  public Map<String, Double> values() {
    return values;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{t=").append(t);
    values.forEach((k, v) -> sb.append(", ").append(k).append('=').append(String.format("%.5g", v)));
    return sb.append('}').toString();
  }
}
