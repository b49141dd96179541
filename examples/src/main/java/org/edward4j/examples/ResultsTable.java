package org.edward4j.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
      new Headline("dirichlet-categorical", "max_error_to_true_pi", "max abs error of E_q[pi] to the true pi", "—",
          "Edward's dirichlet_categorical.py prints both vectors"),
      new Headline("dirichlet-categorical", "max_error_to_posterior_mean", "max abs error of E_q[pi] to the posterior mean", "0 (q contains the posterior)",
          "conjugacy: Dirichlet(1 + counts)"),
      new Headline("bayesian-nn", "loss", "loss (negative ELBO)", "—", "Edward's bayesian_nn.py prints the loss"),
      new Headline("bayesian-nn", "rmse", "training RMSE, posterior means", "noise sd 0.1; constant 0.45", "the toy data"),
      new Headline("irt", "student_correlation", "r(true, estimated) students", "ceiling about 0.67 at 4 answers each",
          "Edward's irt.py scatters them"),
      new Headline("irt", "question_correlation", "r(true, estimated) questions", "—", "Edward's irt.py scatters them"),
      new Headline("probabilistic-matrix-factorization", "mse_all_entries", "MSE, evaluate as Edward binds it (all entries)", "—",
          "Edward's script prints it"),
      new Headline("probabilistic-matrix-factorization", "test_mse", "MSE on held-out entries", "floor 0.012",
          "noise variance 0.01 + Monte Carlo 1/500"),
      new Headline("cox-process", "loss", "loss (negative ELBO)", "—", "Edward's cox_process.py prints the loss"),
      new Headline("cox-process", "log_count_correlation", "r(E_q[f], log(x + 1))", "—", ""),
      new Headline("stochastic-block-model", "adjusted_rand_index", "adjusted Rand index vs factions", "—",
          "the plain SBM's optimum splits by degree (Karrer and Newman, 2011)"),
      new Headline("probabilistic-pca-subsampling", "axis_error", "max abs error of E_q[W] to the true W, sign aligned", "—",
          "Edward's script prints both axes"),
      new Headline("deep-exponential-family", "perplexity_bound", "perplexity bound, exp(nll / sum x)", "0.205 (NIPS 2011, epoch 12)",
          "Edward's docstring; our corpus is synthetic"),
      new Headline("deep-exponential-family", "topic_purity", "topic purity (synthetic corpus)", "—", ""),
      new Headline("pp-dirichlet-process", "sticks_broken_mean", "sticks broken, alpha 10", "10 (theory)",
          "geometric: heads with probability 1 / (1 + alpha)"),
      new Headline("pp-dirichlet-process", "distinct_atoms_alpha_50", "distinct atoms in 1,000 draws, alpha 50",
          "152.7 (theory)", "Chinese restaurant process: sum alpha / (alpha + i)"),
      new Headline("beta-bernoulli-conjugate", "concentration1", "complete conditional Beta(a, b): a", "3",
          "Edward's examples/beta_bernoulli_conjugate.py"),
      new Headline("beta-bernoulli-conjugate", "concentration0", "complete conditional Beta(a, b): b", "9",
          "Edward's examples/beta_bernoulli_conjugate.py"),
      new Headline("mixture-gaussian-gibbs", "max_abs_error_mu", "largest error of a component mean", "—",
          "Edward's script prints the final sample only"),
      new Headline("mixture-gaussian-gibbs", "max_abs_error_sigmasq", "largest error of a component variance", "—", ""),
      new Headline("mixture-gaussian-gibbs", "max_abs_error_pi", "largest error of a mixing weight", "—", ""),
      new Headline("normal", "mean_z0", "E[z0] ± Monte Carlo error (HMC)", "1 (exact)", "Edward's normal.py"),
      new Headline("normal", "stddev_z0", "sd[z0] ± Monte Carlo error (HMC)", "1 (exact)", "Edward's normal.py"),
      new Headline("normal-normal", "mean_mu", "E[mu] ± Monte Carlo error (HMC)", "0 (analytic)", "Edward's normal_normal.py"),
      new Headline("normal-normal", "stddev_mu", "sd[mu] ± Monte Carlo error (HMC)", "0.140 (analytic)",
          "Edward's normal_normal.py"),
      new Headline("normal-sgld", "stddev_z0_all", "sd[z0] over all draws (SGLD, Edward's figure)", "1 (exact)",
          "Edward's normal_sgld.py"),
      new Headline("normal-sgld", "mean_z0", "E[z0] after burn-in (SGLD)", "1 (exact)", "Edward's normal_sgld.py"),
      new Headline("normal-sgld", "stddev_z0", "sd[z0] after burn-in (SGLD)", "1 (exact)", "Edward's normal_sgld.py"),
      new Headline("beta-bernoulli", "mean_p", "E[p] ± Monte Carlo error (MH)", "0.25 (exact)", "Edward's beta_bernoulli.py"),
      new Headline("beta-bernoulli", "stddev_p", "sd[p] ± Monte Carlo error (MH)", "0.12 (exact)", "Edward's beta_bernoulli.py"),
      new Headline("beta-bernoulli", "ppc_tail_probability", "PPC tail probability of mean(x)", "0.669 (exact)",
          "beta-binomial P(K >= 2)"),
      new Headline("invgamma-normal-mh", "inferred_scale", "inferred scale ± Monte Carlo error (MH)", "0.7 (true)",
          "Edward's invgamma_normal_mh.py"),
      new Headline("bayesian-logistic-regression", "mean_w", "E[w] ± Monte Carlo error (HMC)", "—", "no figure printed"),
      new Headline("bayesian-linear-regression", "test_mse", "test MSE via evaluate (SGHMC)", "—",
          "data noise variance 25"),
      new Headline("rasch-model", "trait_mse", "MSE of inferred traits (HMC)", "—", "Bayes risk in the report"),
      new Headline("eight-schools", "hmc_mean_mu", "E[mu] ± Monte Carlo error (HMC, 4 chains)",
          "5.84 (Stan NUTS); Edward's HMC 5.23", "Edward's eight_schools notebook"),
      new Headline("eight-schools", "hmc_mean_log_tau", "E[log tau] ± Monte Carlo error (HMC, 4 chains)",
          "2.45 (Stan NUTS)", "Edward's eight_schools notebook"),
      new Headline("eight-schools", "hmc_rhat_mu", "split R-hat of mu", "< 1.01", "Vehtari et al. (2021)"),
      new Headline("eight-schools", "klqp_mean_mu", "E[mu] (KLqp)", "6.21 (Edward's KLqp)", "Edward's eight_schools notebook"),
      new Headline("mixture-gaussian-mh", "accept_rate", "acceptance rate (MH)", "Edward: \"utterly fails\"",
          "Edward's mixture_gaussian_mh.py"),
      new Headline("factor-analysis", "last_epoch_loss", "-log p(x, z) per image, last epoch", "—", ""),
      new Headline("iwvi", "weight_mse", "MSE of posterior mean to true weights", "—",
          "Edward's iwvi.py prints it; no published figure"),
      new Headline("bayesian-linear-regression-implicitklqp", "max_abs_error_to_w_true", "max |q mean - w_true|",
          "q mean near [5, 5]; a local optimum near [-5, 5]", "Edward's bayesian_linear_regression_implicitklqp.py"),
      new Headline("lstm", "test_bits_per_char", "test bits/char (Declaration of Independence)",
          "1.72 on text8 (76.14 nats per 64 characters, epoch 200)", "Edward's examples/lstm.py docstring"),
      new Headline("sigmoid-belief-network", "train_loss", "training negative ELBO per image (binarized MNIST)",
          "209.443 on Caltech-101 Silhouettes (epoch 100)", "Edward's sigmoid_belief_network.py docstring"),
      new Headline("sigmoid-belief-network", "test_nll", "test reconstruction -log p(x given z ~ q) (binarized MNIST)",
          "161.244 on Caltech-101 Silhouettes (epoch 100)", "Edward's sigmoid_belief_network.py docstring"),
      new Headline("vae-convolutional", "bound", "-log p(x) <= negative ELBO per image (binarized MNIST), last epoch",
          "—", "Edward's vae_convolutional.py prints it per epoch, publishes none"),
      new Headline("bigan-paper", "nearest_neighbour_accuracy_authors_split",
          "1-NN accuracy of codes, authors' split (10,000 training images vs the other 50,000)", "97.39%",
          "Donahue et al. (2017), Table 1 (their NNC_e, validation split)"),
      new Headline("bigan-paper", "pixel_nearest_neighbour_accuracy_authors_split",
          "1-NN accuracy of raw pixels, authors' split", "—", ""));

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
    if (metric.endsWith("accuracy") || metric.endsWith("accuracy_authors_split")) {
      return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
    Double std = report.metrics().get(metric + "_std");
    // Two decimals, or as many as show the first digit of a small standard error (0.140 ± 0.004).
    int digits = std == null || !(std > 0) || std >= 0.01 ? 2 : Math.min(6, -(int) Math.floor(Math.log10(std)));
    String format = "%." + digits + "f";
    // Small figures without an error (an error of 0.0013) keep three significant digits, not 0.00.
    String text = std == null && v != 0 && Math.abs(v) < 0.1
        ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, format, v);
    return std == null ? text : text + String.format(Locale.ROOT, " ± " + format, std);
  }

  /** The command line that reproduces the report, from its settings. */
  static String command(QualityReportJson report) {
    if (report.settings().get("command") instanceof String own) {
      // Reports of Edward's script ports name their own command line (bin/edward normal ...);
      // `quality` does not rerun those.
      String line = own.startsWith("bin/edward ") ? own : "bin/edward " + own;
      boolean seeded = line.contains("--seed") || report.settings().get("seed") == null;
      return seeded ? line : line + " --seed " + setting(report, "seed");
    }
    StringBuilder sb = new StringBuilder("bin/edward quality ").append(report.example());
    Object checkpoint = report.settings().get("checkpoint");
    if (checkpoint != null) {
      sb.append(" --checkpoint ").append(checkpoint);
    } else if (report.settings().get("iterations") != null) {
      sb.append(" --iterations ").append(setting(report, "iterations"));
    }
    for (String flag : List.of("binarize", "shuffle", "averaged", "authors_split")) {
      if (report.settings().get(flag) != null) {
        sb.append(" --").append(flag.replace('_', '-')).append(' ').append(setting(report, flag));
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
   * Puts rows into the generated block of a page: a new row replaces the row of the same example,
   * figure and command (a rerun of the same run), the other rows are kept (other examples, other
   * checkpoints and settings of the same one), and new rows are added at the end, so rendering a
   * few reports never drops the others' rows.
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
    Map<String, String> merged = new LinkedHashMap<>();
    for (String line : page.substring(begin + BEGIN.length(), end).split("\n")) {
      if (line.startsWith("| ") && !HEADER.startsWith(line) && !line.startsWith("|---")) {
        merged.put(key(line), line + "\n");
      }
    }
    for (String row : rows) {
      merged.put(key(row), row.endsWith("\n") ? row : row + "\n");
    }
    return page.substring(0, begin + BEGIN.length()) + "\n" + HEADER + String.join("", merged.values()) + page.substring(end);
  }

  /** A row's example, figure and reproducing command: its first, second and fourth cells. */
  private static String key(String row) {
    String[] cells = row.split("\\|", 6);
    return cells.length < 6 ? row.trim() : cells[1].trim() + "|" + cells[2].trim() + "|" + cells[4].trim();
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
