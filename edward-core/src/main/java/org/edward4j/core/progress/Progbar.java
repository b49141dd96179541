package org.edward4j.core.progress;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Edward's progress bar ({@code edward.util.Progbar}): iteration count and target, percentage, a
 * bar, the rate, the time left (or elapsed, at the end) and the latest value of each reported
 * quantity.
 *
 * <pre>{@code
 *   40/1000 [  4%] █                              ETA: 24s | 40.0 it/s | Loss: 123.456
 * }</pre>
 *
 * <p>On a terminal ({@link Mode#LIVE}) the line is redrawn in place with a carriage return at most
 * every {@code interval} (Edward's 0.01 s); when the output is a file or a CI log ({@link
 * Mode#LINES}) a full line is printed at most every {@code interval} (10 s by default), so logs
 * stay short. Either way the update at the target is always printed and ends the line. {@link
 * Mode#AUTO} picks {@code LIVE} only when writing to {@code System.out} with a console attached.
 *
 * <pre>{@code
 * Progbar bar = Progbar.builder(1000).build();
 * for (int t = 1; t <= 1000; t++) {
 *   bar.update(t, Map.of("Loss", 123.456));
 * }
 * }</pre>
 */
public final class Progbar {

  /** How progress is written. */
  public enum Mode {
    /** {@code LIVE} on a console, else {@code LINES}. */
    AUTO,
    /** One line redrawn in place with carriage returns. */
    LIVE,
    /** Periodic full lines, for files and CI logs. */
    LINES,
    /** Nothing is written (Edward's {@code verbose=0}). */
    SILENT
  }

  private final long target;
  private final int width;
  private final long intervalNanos;
  private final PrintStream out;
  private final LongSupplier clock;
  private final Mode mode;
  private final char barChar;
  private long start;
  private long startCount;
  private final Map<String, Double> values = new LinkedHashMap<>();
  private long lastPrint;
  private boolean printedOnce;
  private int lastWidth;
  private boolean finished;

  private Progbar(Builder b) {
    this.target = b.target;
    this.width = b.width;
    this.out = b.out;
    this.clock = b.clock;
    this.mode = resolve(b.mode, b.out);
    Duration interval = b.interval != null ? b.interval : (mode == Mode.LIVE ? Duration.ofMillis(10) : Duration.ofSeconds(10));
    this.intervalNanos = interval.toNanos();
    this.barChar = b.barChar != 0 ? b.barChar : (Charset.defaultCharset().newEncoder().canEncode('█') ? '█' : '*');
    this.start = clock.getAsLong();
  }

  /**
   * A builder for a bar counting to {@code target}.
   *
   * @param target the number of iterations; positive
   * @return the builder
   */
  public static Builder builder(long target) {
    return new Builder(target);
  }

  /**
   * The mode in use ({@link Mode#AUTO} resolved).
   *
   * @return {@link Mode#LIVE}, {@link Mode#LINES} or {@link Mode#SILENT}; never {@code AUTO}
   */
  public Mode mode() {
    return mode;
  }

  /**
   * Measures the rate and the time left from here on, counting {@code done} iterations as done
   * before this bar started: a run resumed from a checkpoint at step 140,000 calls {@code
   * resumeFrom(140_000)} before its first update, so its bar shows the rate of this run's own
   * iterations instead of dividing all 140,000 by a few seconds. The elapsed time shown at the
   * end is this run's.
   *
   * @param done iterations already done; non-negative and at most the target
   */
  public synchronized void resumeFrom(long done) {
    if (done < 0 || done > target) {
      throw new IllegalArgumentException(
          "`done` must be between 0 and the target " + target + ", got " + done);
    }
    this.startCount = done;
    this.start = clock.getAsLong();
  }

  /**
   * Records progress without new values.
   *
   * @param current iterations done so far
   */
  public void update(long current) {
    update(current, Map.of(), false);
  }

  /**
   * Records progress and the latest values; prints if the interval has passed or the target is
   * reached.
   *
   * @param current iterations done so far; non-negative
   * @param values the latest value of each quantity, e.g. {@code Map.of("Loss", 12.3)}; kept and
   *     shown until replaced
   */
  public void update(long current, Map<String, Double> values) {
    update(current, values, false);
  }

  /**
   * Records progress and the latest values.
   *
   * @param current iterations done so far; non-negative
   * @param values the latest value of each quantity
   * @param force print now whatever the interval
   */
  public synchronized void update(long current, Map<String, Double> values, boolean force) {
    if (current < 0) {
      throw new IllegalArgumentException("`current` must be non-negative, got " + current);
    }
    Objects.requireNonNull(values, "values");
    this.values.putAll(values);
    long now = clock.getAsLong();
    boolean done = current >= target;
    if (finished || mode == Mode.SILENT
        || (!force && !done && printedOnce && now - lastPrint < intervalNanos)) {
      return;
    }
    lastPrint = now;
    printedOnce = true;
    String line = line(current, now);
    if (mode == Mode.LIVE) {
      int pad = Math.max(0, lastWidth - line.length());
      out.print("\r" + line + " ".repeat(pad));
      lastWidth = line.length();
      if (done) {
        out.print(System.lineSeparator());
      }
    } else {
      out.print(line + System.lineSeparator());
    }
    out.flush();
    finished = done;
  }

  private String line(long current, long now) {
    int digits = Long.toString(target).length();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%" + digits + "d/%" + digits + "d", current, target));
    long shown = Math.min(current, target);
    sb.append(String.format(Locale.ROOT, " [%3d%%] ", shown * 100 / target));
    int filled = (int) (width * shown / target);
    sb.append(String.valueOf(barChar).repeat(filled)).append(" ".repeat(width - filled));
    double elapsed = (now - start) / 1e9;
    long doneHere = current - startCount;
    if (current < target) {
      double eta = doneHere <= 0 ? 0 : elapsed / doneHere * (target - current);
      sb.append(" ETA: ").append(duration(eta));
    } else {
      sb.append(" Elapsed: ").append(duration(elapsed));
    }
    if (doneHere > 0 && elapsed > 0) {
      sb.append(String.format(Locale.ROOT, " | %.1f it/s", doneHere / elapsed));
    }
    values.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " | %s: %.3f", k, v)));
    return sb.toString();
  }

  /** Seconds as Edward prints them ({@code 12s}), with minutes and hours for long runs. */
  static String duration(double seconds) {
    long s = (long) seconds;
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
  }

  private static Mode resolve(Mode mode, PrintStream out) {
    if (mode != Mode.AUTO) {
      return mode;
    }
    return out == System.out && System.console() != null ? Mode.LIVE : Mode.LINES;
  }

  @Override
  public String toString() {
    return "Progbar(target=" + target + ", mode=" + mode + ", interval=" + Duration.ofNanos(intervalNanos) + ")";
  }

  /** Settings for {@link Progbar}; every one has a default. */
  public static final class Builder {
    private final long target;
    private int width = 30;
    private Duration interval;
    private PrintStream out = System.out;
    private LongSupplier clock = System::nanoTime;
    private Mode mode = Mode.AUTO;
    private char barChar;

    private Builder(long target) {
      if (target <= 0) {
        throw new IllegalArgumentException("`target` must be positive, got " + target);
      }
      this.target = target;
    }

    /**
     * The bar's width in characters (default 30).
     *
     * @param width positive
     * @return this builder
     */
    public Builder width(int width) {
      if (width <= 0) {
        throw new IllegalArgumentException("`width` must be positive, got " + width);
      }
      this.width = width;
      return this;
    }

    /**
     * The least time between printed updates (default 10 ms live, 10 s as lines).
     *
     * @param interval non-negative
     * @return this builder
     */
    public Builder interval(Duration interval) {
      if (interval == null || interval.isNegative()) {
        throw new IllegalArgumentException("`interval` must be non-negative, got " + interval);
      }
      this.interval = interval;
      return this;
    }

    /**
     * Where to write (default {@code System.out}).
     *
     * @param out the stream
     * @return this builder
     */
    public Builder output(PrintStream out) {
      this.out = Objects.requireNonNull(out, "output");
      return this;
    }

    /**
     * The time source in nanoseconds (default {@code System::nanoTime}); tests inject their own.
     *
     * @param nanoTime a monotonic clock
     * @return this builder
     */
    public Builder clock(LongSupplier nanoTime) {
      this.clock = Objects.requireNonNull(nanoTime, "clock");
      return this;
    }

    /**
     * How to write (default {@link Mode#AUTO}).
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * The bar's fill character (default {@code █}, or {@code *} where the charset lacks it).
     *
     * @param c the character
     * @return this builder
     */
    public Builder barChar(char c) {
      this.barChar = c;
      return this;
    }

    /**
     * The progress bar; its clock starts now.
     *
     * @return a new bar with this builder's settings
     */
    public Progbar build() {
      return new Progbar(this);
    }
  }
}
