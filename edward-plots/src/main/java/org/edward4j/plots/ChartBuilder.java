package org.edward4j.plots;

import java.util.Objects;

/**
 * The settings every chart's builder takes the same way: the title, the axis labels and the
 * picture size, checked together as a {@link ChartText} when the chart is built.
 *
 * @param <B> the chart's own builder, which every setter returns so that calls chain
 */
abstract class ChartBuilder<B extends ChartBuilder<B>> {

  private String title = "";
  private String xLabel;
  private String yLabel;
  private int width = 640;
  private int height = 480;

  /** Starts with no title, a 640x480 picture and the chart's default axis labels. */
  ChartBuilder(String xLabel, String yLabel) {
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /**
   * Sets the title above the plot.
   *
   * @param title the title; not null, empty (the default) for none
   * @return this builder
   */
  public B title(String title) {
    this.title = Objects.requireNonNull(title, "title");
    return self();
  }

  /**
   * Sets the x axis label; empty by default, except "iteration" on a {@link LinePlot}.
   *
   * @param label the label; not null, empty for none
   * @return this builder
   */
  public B xLabel(String label) {
    this.xLabel = Objects.requireNonNull(label, "label");
    return self();
  }

  /**
   * Sets the y axis label; empty by default, except "count" on a {@link Histogram}.
   *
   * @param label the label; not null, empty for none
   * @return this builder
   */
  public B yLabel(String label) {
    this.yLabel = Objects.requireNonNull(label, "label");
    return self();
  }

  /**
   * Sets the picture size in pixels; default 640x480.
   *
   * @param width in [1, 8192]; checked when the chart is built
   * @param height in [1, 8192]; checked when the chart is built
   * @return this builder
   */
  public B size(int width, int height) {
    this.width = width;
    this.height = height;
    return self();
  }

  /** Returns the title, labels and size, checked; builders call it first in {@code build()}. */
  ChartText text() {
    return new ChartText(title, xLabel, yLabel, width, height);
  }

  // Safe: each chart's builder is final and declared as ChartBuilder<itself>.
  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
