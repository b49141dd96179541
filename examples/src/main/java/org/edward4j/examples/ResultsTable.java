package org.edward4j.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.edward4j.core.io.AtomicFiles;

/**
 * {@code bin/edward results} ({@link ResultsCommand}): renders the rows of docs/RESULTS.md from {@code bin/edward quality
 * <example>} JSON reports, so the published figures are exactly what a report holds. Each example
 * has headline metrics with the literature's figure beside them; a row gives the value, the
 * command that reproduces it (from the report's settings), the seed, and the wall time.
 *
 * <pre>
 * bin/edward results --reports out/quality/dcgan.json,out/quality/gan.json --update docs/RESULTS.md
 * </pre>
 *
 * <p>With {@code --update FILE} the rows replace those between {@link #BEGIN} and {@link #END} in
 * FILE (written atomically); without it they are printed.
 */
final class ResultsTable {

  /** Marks the start of the generated rows in the results page. */
  static final String BEGIN = "<!-- results:generated:begin -->";
  /** Marks their end. */
  static final String END = "<!-- results:generated:end -->";
  /** The table's header, shared with the hand-written rows of the page. */
  static final String HEADER = "| example | figure | value | reproduce with | seed | wall time (2 cores) | literature | source | measured |\n"
      + "|---|---|---|---|---|---|---|---|---|\n";

  /**
   * A headline figure of an example and the literature's figure to compare it with.
   *
   * @param example the example, as {@code bin/edward quality} names it
   * @param metric the report's metric
   * @param label the figure's name in the table
   * @param literature the published figure, or an em dash when none is comparable
   * @param source where it is published
   */
  record Headline(String example, String metric, String label, String literature, String source) {}

  static final List<Headline> HEADLINES = List.of(
      new Headline("gan", "classifier_score_10_splits", "classifier score, 10 splits", "—",
          "Edward's tutorial publishes no figure"),
      new Headline("gan", "classifier_score", "classifier score, 1 split", "—", "first-round protocol"),
      new Headline("gan", "frechet_distance", "Frechet distance", "—", ""),
      new Headline("dcgan", "classifier_score_10_splits", "classifier score, 10 splits",
          "7.44 (real 8.38, i.e. 89%)", "TF-GAN MNIST tutorial, its own classifier"),
      new Headline("dcgan", "classifier_score", "classifier score, 1 split", "target >= 9.0", "issue 13"),
      new Headline("dcgan", "frechet_distance", "Frechet distance", "target <= 10", "issue 13"),
      new Headline("wgan", "classifier_score_10_splits", "classifier score, 10 splits", "—",
          "Gulrajani et al. (2017) report no MNIST score"),
      new Headline("wgan", "classifier_score", "classifier score, 1 split", "—", ""),
      new Headline("bigan", "nearest_neighbour_accuracy", "1-NN accuracy of codes", "97.39%",
          "Donahue et al. (2017), Table 1"),
      new Headline("bigan-paper", "nearest_neighbour_accuracy", "1-NN accuracy of codes", "97.39%",
          "Donahue et al. (2017), Table 1"),
      new Headline("bigan-paper", "pixel_nearest_neighbour_accuracy", "1-NN accuracy of raw pixels", "—", ""),
      new Headline("sbn", "test_nll", "test NLL (nats)", "120.8 (wake-sleep, SBN 200)", "Mnih and Gregor (2014)"),
      new Headline("vae", "test_nll", "test NLL (nats)", "—", ""),
      new Headline("lstm", "test_bits_per_char", "test bits/char (Declaration of Independence)",
          "1.72 on text8 (76.14 nats per 64 characters, epoch 200)", "Edward's examples/lstm.py docstring"),
      new Headline("sigmoid-belief-network", "train_loss", "training negative ELBO per image (binarized MNIST)",
          "209.443 on Caltech-101 Silhouettes (epoch 100)", "Edward's sigmoid_belief_network.py docstring"),
      new Headline("sigmoid-belief-network", "test_nll", "test reconstruction -log p(x given z ~ q) (binarized MNIST)",
          "161.244 on Caltech-101 Silhouettes (epoch 100)", "Edward's sigmoid_belief_network.py docstring"));

  private ResultsTable() {}

  /**
   * The rows of one report: one per headline of its example that the report holds.
   *
   * @param report a parsed report
   * @param measured the date the report was measured
   * @return Markdown table rows, each ending in a newline
   */
  static List<String> rows(QualityReportJson report, LocalDate measured) {
    List<String> rows = new ArrayList<>();
    for (Headline h : HEADLINES) {
      if (!h.example().equals(report.example()) || !report.metrics().containsKey(h.metric())) {
        continue;
      }
      rows.add(String.join(" | ", "| " + report.example(), h.label(), value(report, h.metric()), "`" + command(report) + "`",
          setting(report, "seed"), wallTime(report), h.literature(), h.source(), measured.toString()) + " |\n");
    }
    return rows;
  }

  private static String value(QualityReportJson report, String metric) {
    double v = report.metrics().get(metric);
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (metric.endsWith("accuracy")) {
      return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
    Double std = report.metrics().get(metric + "_std");
    String text = String.format(Locale.ROOT, "%.2f", v);
    return std == null ? text : text + String.format(Locale.ROOT, " ± %.2f", std);
  }

  /** The command line that reproduces the report, from its settings. */
  static String command(QualityReportJson report) {
    StringBuilder sb = new StringBuilder("bin/edward quality ").append(report.example());
    Object checkpoint = report.settings().get("checkpoint");
    if (checkpoint != null) {
      sb.append(" --checkpoint ").append(checkpoint);
    } else if (report.settings().get("iterations") != null) {
      sb.append(" --iterations ").append(setting(report, "iterations"));
    }
    for (String flag : List.of("binarize", "shuffle")) {
      if (report.settings().get(flag) != null) {
        sb.append(" --").append(flag).append(' ').append(setting(report, flag));
      }
    }
    if (report.settings().get("seed") != null) {
      sb.append(" --seed ").append(setting(report, "seed"));
    }
    return sb.toString();
  }

  private static String setting(QualityReportJson report, String name) {
    Object v = report.settings().get(name);
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return v == null ? "—" : v.toString();
  }

  private static String wallTime(QualityReportJson report) {
    Object train = report.settings().get("train_seconds");
    Object measure = report.settings().get("measure_seconds");
    List<String> parts = new ArrayList<>();
    if (train instanceof Double t) {
      parts.add(String.format(Locale.ROOT, "%.1f min training", t / 60));
    }
    if (measure instanceof Double m) {
      parts.add(String.format(Locale.ROOT, "%.1f min measuring", m / 60));
    }
    return parts.isEmpty() ? "—" : String.join(", ", parts);
  }

  /**
   * Replaces the generated block of a page with new rows.
   *
   * @param page the page's text, holding {@link #BEGIN} and then {@link #END}
   * @param rows the rows to put between them
   * @return the new text
   * @throws IllegalArgumentException if the markers are missing or out of order
   */
  static String replaceBlock(String page, List<String> rows) {
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("the page must hold " + BEGIN + " and then " + END);
    }
    return page.substring(0, begin + BEGIN.length()) + "\n" + HEADER + String.join("", rows) + page.substring(end);
  }

  /**
   * Renders the rows of the reports, and prints them or writes them into a page.
   *
   * @param reports JSON reports written by {@code bin/edward quality}
   * @param update the page whose generated block to replace, or {@code null} to print the rows
   * @param out where to print
   * @throws IOException if a report or the page cannot be read or written
   */
  static void render(List<Path> reports, Path update, PrintWriter out) throws IOException {
    List<String> rows = new ArrayList<>();
    for (Path file : reports) {
      LocalDate measured = LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC);
      rows.addAll(rows(QualityReportJson.parse(Files.readString(file)), measured));
    }
    if (update == null) {
      out.print(HEADER + String.join("", rows));
      out.flush();
      return;
    }
    byte[] bytes = replaceBlock(Files.readString(update), rows).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(update, sink -> sink.write(bytes));
    out.println("updated " + rows.size() + " rows in " + update);
  }
}
