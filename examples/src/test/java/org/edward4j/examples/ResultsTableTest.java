package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.edward4j.criticisms.quality.QualityReport;
import org.junit.jupiter.api.Test;

/** The results page's rows come from {@code bin/edward quality} reports, as JSON written by QualityReport. */
class ResultsTableTest {

  private static QualityReportJson dcganReport() {
    String json = QualityReport.builder("dcgan").setting("seed", 42L).setting("samples", 10000)
        .setting("iterations", 12000).setting("train_seconds", 1500.0).setting("measure_seconds", 90.0)
        .metric("classifier_score", 9.1234, "one split")
        .metric("classifier_score_10_splits", 9.05, "mean over 10 splits")
        .metric("classifier_score_10_splits_std", 0.031, "deviation")
        .metric("frechet_distance", 7.5, "features \"quoted\"\n and a newline")
        .build().toJson();
    return QualityReportJson.parse(json);
  }

  @Test
  void readsBackWhatQualityReportWrites() {
    QualityReportJson r = dcganReport();
    assertEquals("dcgan", r.example());
    assertEquals(42.0, r.settings().get("seed"));
    assertEquals(1500.0, r.settings().get("train_seconds"));
    assertEquals(9.1234, r.metrics().get("classifier_score"));
    assertEquals("features \"quoted\"\n and a newline", r.notes().get("frechet_distance"));
  }

  @Test
  void rendersTheHeadlineRowsOfAReport() {
    List<String> rows = ResultsTable.rows(dcganReport(), LocalDate.of(2026, 12, 5));
    String command = "`bin/edward quality dcgan --iterations 12000 --seed 42`";
    String wall = "25.0 min training, 1.5 min measuring";
    assertEquals(List.of(
        "| dcgan | classifier score, 10 splits | 9.05 ± 0.03 | " + command + " | 42 | " + wall
            + " | 7.44 (real 8.38, i.e. 89%) | TF-GAN MNIST tutorial, its own classifier | 2026-12-05 |\n",
        "| dcgan | classifier score, 1 split | 9.12 | " + command + " | 42 | " + wall
            + " | target >= 9.0 | issue 13 | 2026-12-05 |\n",
        "| dcgan | Frechet distance | 7.50 | " + command + " | 42 | " + wall
            + " | target <= 10 | issue 13 | 2026-12-05 |\n"), rows);
  }

  @Test
  void checkpointReportsAndAccuracies() {
    String json = QualityReport.builder("bigan-paper").setting("seed", 42L).setting("checkpoint", "/runs/b/ckpt")
        .metric("nearest_neighbour_accuracy", 0.97391, "1-NN").metric("pixel_nearest_neighbour_accuracy", Double.NaN, "")
        .build().toJson();
    List<String> rows = ResultsTable.rows(QualityReportJson.parse(json), LocalDate.of(2026, 12, 6));
    assertEquals(2, rows.size());
    assertTrue(rows.get(0).startsWith("| bigan-paper | 1-NN accuracy of codes | 97.39% | "
        + "`bin/edward quality bigan-paper --checkpoint /runs/b/ckpt --seed 42` | 42 | — | 97.39% |"), rows.get(0));
    assertTrue(rows.get(1).contains("| n/a |"), "a null metric renders as n/a: " + rows.get(1));
  }

  /** A script's port gives its own command line, and a small error keeps three significant digits. */
  @Test
  void scriptReportsCarryTheirCommandAndSmallValues() {
    String json = QualityReport.builder("iwvi").setting("seed", 42L).setting("command", "iwvi --n 5000 --seed 42")
        .metric("weight_mse", 0.0012563, "").build().toJson();
    List<String> rows = ResultsTable.rows(QualityReportJson.parse(json), LocalDate.of(2026, 12, 5));
    assertTrue(rows.get(0).startsWith("| iwvi | MSE of posterior mean to true weights | 0.00126 | "
        + "`bin/edward iwvi --n 5000 --seed 42` | 42 |"), rows.get(0));
  }

  @Test
  void whichWeightsAreMeasuredIsInTheCommand() {
    // The averaged and the trained weights of one checkpoint are two rows, told apart by the flag.
    String json = QualityReport.builder("dcgan").setting("seed", 42L).setting("checkpoint", "/runs/a/ckpt-4000")
        .setting("averaged", "false").metric("classifier_score", 7.98, "").build().toJson();
    assertEquals("bin/edward quality dcgan --checkpoint /runs/a/ckpt-4000 --averaged false --seed 42",
        ResultsTable.command(QualityReportJson.parse(json)));
  }

  @Test
  void theAuthorsSplitIsInTheCommandAndRendersItsOwnRow() {
    String json = QualityReport.builder("bigan-paper").setting("seed", 42L).setting("checkpoint", "/runs/b/ckpt-18760")
        .setting("authors_split", "true").metric("nearest_neighbour_accuracy", 0.9442, "")
        .metric("nearest_neighbour_accuracy_authors_split", 0.9512, "").build().toJson();
    QualityReportJson report = QualityReportJson.parse(json);
    assertEquals("bin/edward quality bigan-paper --checkpoint /runs/b/ckpt-18760 --authors-split true --seed 42",
        ResultsTable.command(report));
    List<String> rows = ResultsTable.rows(report, LocalDate.of(2026, 12, 6));
    assertEquals(2, rows.size(), rows.toString());
    assertTrue(rows.get(0).startsWith("| bigan-paper | 1-NN accuracy of codes | 94.42% |"), rows.get(0));
    assertTrue(rows.get(1).startsWith("| bigan-paper | 1-NN accuracy of codes, authors' split"), rows.get(1));
    assertTrue(rows.get(1).contains("| 95.12% |"), rows.get(1));
  }

  @Test
  void tutorialDataFlagsAreInTheCommand() {
    String json = QualityReport.builder("gan").setting("seed", 7L).setting("iterations", 15000)
        .setting("binarize", "false").setting("shuffle", "true").metric("classifier_score", 4.07, "").build().toJson();
    assertEquals("bin/edward quality gan --iterations 15000 --binarize false --shuffle true --seed 7",
        ResultsTable.command(QualityReportJson.parse(json)));
  }

  @Test
  void replacesOnlyTheGeneratedBlock() {
    String page = "# Results\nhand rows\n" + ResultsTable.BEGIN + "\nold\n" + ResultsTable.END + "\nfooter\n";
    String updated = ResultsTable.replaceBlock(page, List.of("| a |\n"));
    assertEquals("# Results\nhand rows\n" + ResultsTable.BEGIN + "\n" + ResultsTable.HEADER + "| a |\n"
        + ResultsTable.END + "\nfooter\n", updated);
    assertThrows(IllegalArgumentException.class, () -> ResultsTable.replaceBlock("no markers", List.of()));
  }

  @Test
  void updatingKeepsTheRowsOfFiguresNotRenderedAndReplacesTheOthers() {
    String page = ResultsTable.BEGIN + "\n" + ResultsTable.HEADER
        + "| gan | score | 4.0 | `run a` | 1 |\n| gan | score | 5.0 | `run b` | 1 |\n| normal | E[z0] | 0.96 | `n` | 1 |\n"
        + ResultsTable.END + "\n";
    String updated = ResultsTable.replaceBlock(page,
        List.of("| gan | score | 8.0 | `run a` | 1 |\n", "| vae | nll | 90 | `v` | 1 |\n"));
    // The rerun of `run a` replaces its row; `run b` (another checkpoint) and normal's row stay.
    assertEquals(ResultsTable.BEGIN + "\n" + ResultsTable.HEADER + "| gan | score | 8.0 | `run a` | 1 |\n"
        + "| gan | score | 5.0 | `run b` | 1 |\n| normal | E[z0] | 0.96 | `n` | 1 |\n| vae | nll | 90 | `v` | 1 |\n"
        + ResultsTable.END + "\n", updated);
  }

  @Test
  void malformedJsonNamesTheOffset() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> QualityReportJson.parse("{\"example\": \"gan\", \"metrics\": {\"x\": {\"value\": }}}"));
    // The value is missing where `}` stands, the 47th character (offsets count from 0).
    assertTrue(e.getMessage().contains("malformed at offset 46") && e.getMessage().contains("expected a valid value"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> QualityReportJson.parse("{\"settings\": {}}"));
    assertThrows(IllegalArgumentException.class, () -> QualityReportJson.parse("[1, 2]"));
    assertThrows(IllegalArgumentException.class, () -> QualityReportJson.parse("{\"example\": \"gan\"} trailing"));
  }

  @Test
  void scriptPortsNameTheirCommandAndSmallErrorsKeepTheirDigits() {
    String json = QualityReport.builder("normal-normal").setting("command", "bin/edward normal-normal --samples 1000")
        .setting("seed", 42L).metric("stddev_mu", 0.1412, "").metric("stddev_mu_std", 0.0043, "").build().toJson();
    List<String> rows = ResultsTable.rows(QualityReportJson.parse(json), LocalDate.of(2026, 12, 5));
    assertEquals(1, rows.size());
    assertTrue(rows.get(0).startsWith("| normal-normal | sd[mu] ± Monte Carlo error (HMC) | 0.141 ± 0.004 | "
        + "`bin/edward normal-normal --samples 1000 --seed 42` | 42 |"), rows.get(0));
  }
}
