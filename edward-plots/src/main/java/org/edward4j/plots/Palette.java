package org.edward4j.plots;

import java.awt.Color;

/**
 * The colours series are drawn in: matplotlib's default cycle ({@code tab10}), so pictures look
 * like the ones in Edward's notebooks. Series {@code i} gets {@code seriesColor(i)}.
 *
 * <pre>{@code
 * Color real = Palette.seriesColor(0);       // blue, #1f77b4
 * Color generated = Palette.seriesColor(1);  // orange, #ff7f0e
 * }</pre>
 */
public final class Palette {

  private static final int[] TAB10 = {
    0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
    0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf
  };

  /** Colour of the observed-value line in {@link Histogram}: red, as in Edward's PPC plots. */
  public static final Color OBSERVED = new Color(TAB10[3]);

  private Palette() {}

  /**
   * Returns the colour of series {@code index}, cycling after ten.
   *
   * @param index series index, non-negative
   * @return an opaque colour
   * @throws IllegalArgumentException when {@code index} is negative
   */
  public static Color seriesColor(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("`index` must be non-negative, got " + index);
    }
    return new Color(TAB10[index % TAB10.length]);
  }
}
