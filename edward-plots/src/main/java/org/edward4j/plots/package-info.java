/**
 * Pictures a person looks at after training: PNG image grids of samples and reconstructions,
 * scatter plots of 2-D samples, histograms for posterior predictive checks, and loss curves.
 *
 * <ul>
 *   <li>{@link org.edward4j.plots.ImageGrid}: grayscale images in a grid, as Edward's GAN and VAE
 *       tutorials show samples; {@link org.edward4j.plots.ImageGrid#pairs} puts targets above
 *       their reconstructions.
 *   <li>{@link org.edward4j.plots.ScatterPlot}: named series of points, for example real versus
 *       generated samples of a 2-D mixture of Gaussians.
 *   <li>{@link org.edward4j.plots.Histogram}: replicated statistics with the observed value as
 *       a vertical line.
 *   <li>{@link org.edward4j.plots.LinePlot}: one or more curves against the iteration.
 * </ul>
 *
 * <p>Line, scatter and histogram charts are thin builders over XChart ({@code org.knowm.xchart}),
 * with fixed axis ranges and matplotlib's colours; the image grid is drawn here, since no
 * library fits it. Everything renders in headless mode (the property {@code java.awt.headless}
 * is set to {@code true} unless the application chose otherwise), and every PNG is written
 * atomically and durably with {@link org.edward4j.core.io.AtomicFiles} (temporary name, fsync,
 * rename): a reader sees the old picture or the new one, never half of one. Series colours come
 * from {@link org.edward4j.plots.Palette}.
 */
package org.edward4j.plots;
