package org.edward4j.core.layers;

import java.util.Arrays;
import java.util.Locale;

/**
 * Convolution and pooling padding, as TensorFlow spells it.
 *
 * <p>{@code SAME} pads so the output has {@code ceil(in / stride)} positions; {@code VALID} uses
 * only whole windows, {@code ceil((in - k + 1) / stride)} positions.
 */
public enum Padding {
  /** Zero-pad so every input position starts a window. */
  SAME,
  /** Whole windows only. */
  VALID;

  /**
   * Parses {@code "same"} or {@code "valid"}, for the API edge.
   *
   * @param name the padding, case-insensitive
   * @return the padding
   * @throws IllegalArgumentException listing the valid names
   */
  public static Padding parse(String name) {
    for (Padding p : values()) {
      if (p.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "`padding` must be one of " + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ", got " + name);
  }

  /**
   * The output length along one spatial axis of a convolution.
   *
   * @param in the input length
   * @param kernel the window length
   * @param stride the stride
   * @return the output length
   */
  public long convOutput(long in, long kernel, long stride) {
    return this == SAME ? ceilDiv(in, stride) : ceilDiv(in - kernel + 1, stride);
  }

  /**
   * The output length along one spatial axis of a transposed convolution, as {@code
   * tf.layers.conv2d_transpose} computes it ({@code deconv_output_length}).
   *
   * @param in the input length
   * @param kernel the window length
   * @param stride the stride
   * @return {@code in * stride} for SAME, {@code in * stride + max(kernel - stride, 0)} for VALID
   */
  public long transposeOutput(long in, long kernel, long stride) {
    return this == SAME ? in * stride : in * stride + Math.max(kernel - stride, 0);
  }

  private static long ceilDiv(long a, long b) {
    return a <= 0 ? 0 : (a + b - 1) / b;
  }
}
