package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edward4j.datasets.Mnist;
import org.edward4j.examples.CommandLineErrorsTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bin/edward sbn} writes its report ({@code <out>/sbn.json}, what {@code results} reads),
 * and {@code bin/edward quality sbn --checkpoint} measures a checkpoint of it with the measurement
 * flags passed through, at a tiny size on a tiny stand-in for MNIST.
 */
class SbnQualityTest {

  @TempDir Path dir;

  @Test
  void qualityOfTheFinalCheckpointReproducesTheRunsOwnFigure() throws Exception {
    Path trained = dir.resolve("trained");
    Path measured = dir.resolve("measured");
    Mnist tiny = TinyMnist.read(dir.resolve("mnist"), 200, 100);
    SbnCommand sbn = new SbnCommand();
    sbn.mnist = tiny;
    // The default batch (100), which `quality sbn` measures in too.
    assertEquals(0, new CommandLine(sbn).execute("--iterations", "4", "--print", "2", "--k", "3",
        "--test-images", "100", "--seed", "5", "--out", trained.toString()));
    QualityCommand quality = new QualityCommand();
    quality.mnist = tiny;
    assertEquals(0, new CommandLine(quality).execute("sbn", "--checkpoint", trained.resolve("checkpoints").toString(),
        "--k", "3", "--test-images", "100", "--seed", "5", "--out", measured.toString()));
    QualityReportJson own = QualityReportJson.parse(Files.readString(trained.resolve("sbn.json")));
    QualityReportJson measuredReport = QualityReportJson.parse(Files.readString(measured.resolve("sbn.json")));
    assertEquals("sbn", own.example());
    double nll = own.metrics().get("test_nll");
    // Noise images: binarized pixels are fair coins, so no model does better than 784 ln 2 = 543.4
    // nats in expectation (over 100 distinct images, a near-uniform model's average is within a few
    // nats of its mean), and K = 3 importance samples bias the estimate up, not down. A model four
    // steps from its start stays below 700 (578 at the start for this seed's network, measured).
    assertTrue(nll > 530 && nll < 700, "test NLL " + nll);
    assertEquals(100.0, own.settings().get("test_images"), "one whole batch");
    assertEquals(3.0, own.settings().get("k"));
    assertEquals("bin/edward sbn --iterations 4 --batch 100 --lr 0.001 --samples 1 --phase-q sleep --reweighted false"
        + " --k 3 --test-images 100 --seed 5", own.settings().get("command"));
    // The measurement replays the run's end exactly: same seed, same graph (default training flags,
    // batch 100), restored weights and random step; so the importance samples, and the figure, are
    // the same bit for bit.
    assertEquals(nll, measuredReport.metrics().get("test_nll"), 0.0);
    Path checkpoint = trained.resolve("checkpoints").toAbsolutePath();
    assertEquals(checkpoint.toString(), measuredReport.settings().get("checkpoint"));
    assertEquals("bin/edward quality sbn --checkpoint " + checkpoint + " --k 3 --test-images 100 --seed 5",
        measuredReport.settings().get("command"));
    assertEquals(4.0, measuredReport.settings().get("iterations"), "the checkpoint's iterations");

    // Checked before anything is trained: the checkpoint must be sbn's, and is measured as saved.
    Run further = CommandLineErrorsTest.run("quality", "sbn", "--checkpoint", checkpoint.toString(), "--iterations", "8");
    assertEquals(2, further.code());
    assertTrue(further.err().contains("--iterations and --checkpoint"), further.err());
    Path other = dir.resolve("other");
    try (org.edward4j.core.ModelContext ctx = org.edward4j.core.ModelContext.withSeed(1)) {
      ctx.scope("Gen").getVariable("w", org.tensorflow.ndarray.Shape.of(2));
      org.edward4j.core.checkpoints.Saver.builder(ctx).build().save(other, 1, java.util.Map.of());
    }
    Run wrong = CommandLineErrorsTest.run("quality", "sbn", "--checkpoint", other.toString());
    assertEquals(2, wrong.code());
    assertTrue(wrong.err().contains("holds no sigmoid belief network (no variable model/prior_logits)"), wrong.err());
  }

  @Test
  void theReportRecordsTheTrainingFlagsThatShapedTheModel() {
    SbnCommand args = new SbnCommand();
    new CommandLine(args).parseArgs("--iterations", "300", "--samples", "5", "--phase-q", "wake", "--reweighted",
        "--lr", "0.0003", "--k", "50", "--resume", "ckpts");
    QualityReportJson report = QualityReportJson.parse(
        SbnExample.report(args, new HeldOutLikelihood.Result(99.5, 9900, 1.0), 12.0, false).toJson());
    assertEquals(99.5, report.metrics().get("test_nll"));
    assertEquals("true", report.settings().get("reweighted"));
    assertEquals("wake", report.settings().get("phase_q"));
    assertEquals(5.0, report.settings().get("samples"));
    assertEquals(9900.0, report.settings().get("test_images"), "the images measured, not the flag");
    Path from = Path.of("ckpts").toAbsolutePath();
    assertEquals(from.toString(), report.settings().get("checkpoint"));
    assertEquals("bin/edward sbn --iterations 300 --batch 100 --lr 3.0E-4 --samples 5 --phase-q wake --reweighted true"
        + " --resume " + from + " --k 50 --test-images 10000 --seed 42", report.settings().get("command"));
  }
}
