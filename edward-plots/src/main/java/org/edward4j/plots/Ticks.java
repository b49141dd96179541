package org.edward4j.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ranges and tick positions at "nice" numbers (1, 2 or 5 times a power of ten), after
 * Heckbert, "Nice numbers for graph labels", Graphics Gems (1990).
 */
final class Ticks {

  private Ticks() {}

  /** Pads a data range by 5% each side (as matplotlib does) and widens a degenerate one. */
  static double[] padded(double min, double max) {
    if (min == max) {
      double half = min == 0 ? 0.5 : Math.abs(min) * 0.1;
      return new double[] {min - half, max + half};
    }
    double pad = (max - min) * 0.05;
    return new double[] {min - pad, max + pad};
  }

  /** Returns ticks inside [min, max], about {@code target} of them, at a nice step. */
  static List<Double> between(double min, double max, int target) {
    double step = niceStep((max - min) / Math.max(1, target));
    List<Double> ticks = new ArrayList<>();
    double first = Math.ceil(min / step) * step;
    for (int i = 0; ; i++) {
      double tick = first + i * step;
      if (tick > max + step * 1e-9) {
        break;
      }
      // Snap values such as 0.30000000000000004 and -0.0 so that labels read cleanly.
      ticks.add(Math.abs(tick) < step * 1e-9 ? 0.0 : tick);
    }
    return ticks;
  }

  /** Formats ticks with as many decimals as their step needs, and no more. */
  static String label(double value, List<Double> ticks) {
    double step = ticks.size() > 1 ? Math.abs(ticks.get(1) - ticks.get(0)) : Math.abs(value);
    double magnitude = Math.max(Math.abs(value), step);
    if (magnitude >= 1e6 || (step > 0 && step < 1e-4)) {
      return String.format(Locale.ROOT, "%.2e", value);
    }
    int decimals = step == 0 ? 0 : (int) Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static double niceStep(double rough) {
    if (!(rough > 0) || Double.isInfinite(rough)) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / power;
    double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
    return nice * power;
  }
}
