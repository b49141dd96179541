package org.edward4j.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.criticisms.quality.SampleQuality;
import org.edward4j.criticisms.quality.SplitClassifierScore;
import org.edward4j.datasets.Mnist;
import org.edward4j.examples.classifier.ClassifierCache;
import org.edward4j.examples.classifier.MnistConvNet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/edward spark parity}: does data-parallel training reach single-machine quality? Trains
 * the tutorial GAN once per seed on one machine (the {@code gan} example) and once per seed by
 * parameter averaging on Spark, for the same number of examples seen ({@link GanParity}), scores
 * every generator with the {@code quality} command's protocol (classifier score over 10 splits of
 * {@code --samples} images, Frechet distance against the real test images), and says for each
 * metric whether the two paths differ within noise, noise being the spread across seeds
 * ({@link ParityVerdict}). Writes the figures to {@code <out>/spark-parity.json}.
 */
@Command(name = "parity", mixinStandardHelpOptions = true,
    description = "Tutorial GAN on one machine vs parameter averaging on Spark for the same examples seen, scored by the"
        + " quality protocol; a two-sample t-test over seeds says whether they differ within noise.")
final class SparkParityCommand extends ExampleCommand {

  @Option(names = "--master", paramLabel = "URL", defaultValue = "local[2]", description = "Spark master URL (default: ${DEFAULT-VALUE})")
  String master;

  @Option(names = "--examples", paramLabel = "N", defaultValue = "1920000",
      description = "examples seen by each path, a multiple of 128 x partitions x k (default: ${DEFAULT-VALUE},"
          + " the tutorial's 15,000 iterations of 128)")
  long examples;

  @Option(names = "--single-examples", paramLabel = "N",
      description = "examples seen on one machine (default: --examples, the same as on Spark; --examples / --partitions"
          + " compares at the same number of updates of the averaged weights)")
  Long singleExamples;

  @Option(names = "--partitions", paramLabel = "P", defaultValue = "2", description = "Spark replicas (default: ${DEFAULT-VALUE})")
  int partitions;

  @Option(names = "--k", paramLabel = "K", defaultValue = "100",
      description = "updates per replica between averagings (default: ${DEFAULT-VALUE})")
  int k;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "3",
      description = "trainings per path, seeds S, S+1, ...; at least 2 to measure the spread (default: ${DEFAULT-VALUE})")
  int seeds;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "10000",
      description = "generated images scored per generator, a multiple of 10 (default: ${DEFAULT-VALUE})")
  int samples;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException {
    if (master == null || master.isBlank()) {
      throw usage("--master must be a Spark master URL such as local[2], got an empty value");
    }
    positive("--partitions", partitions);
    positive("--k", k);
    if (seeds < 2) {
      throw usage("--seeds must be at least 2 (the noise is the spread across seeds), got " + seeds);
    }
    positive("--samples", samples);
    if (samples % SplitClassifierScore.USUAL_SPLITS != 0) {
      throw usage("--samples must be a multiple of 10 (the score's 10 splits), got " + samples);
    }
    List<Long> seedList = new ArrayList<>();
    for (int i = 0; i < seeds; i++) {
      seedList.add(output.seed() + i);
    }
    long unit = (long) GanParity.M * partitions * k;
    if (examples < unit || examples % unit != 0) {
      throw usage("--examples must be a positive multiple of 128 x --partitions x --k = " + unit
          + " (whole rounds on every replica), got " + examples);
    }
    long singleCount = singleExamples == null ? examples : singleExamples;
    if (singleCount < GanParity.M || singleCount % GanParity.M != 0) {
      throw usage("--single-examples must be a positive multiple of 128 (whole batches), got " + singleCount);
    }
    Path out = output.createOut();
    GanParity.Settings settings = new GanParity.Settings(examples, singleCount, partitions, k, seedList, out);
    Mnist mnist = Mnist.load();
    long start = System.nanoTime();
    List<GanParity.Run> runs;
    try (MnistConvNet classifier = ClassifierCache.loadOrTrain(mnist, System.out);
        JavaSparkContext sc = SparkMaster.open(master, "edward4j spark parity")) {
      SampleQuality quality = SampleQuality.against(classifier, mnist.test().firstImages(mnist.test().size()));
      GanParity.Scorer scorer = GanParity.classifierScorer(classifier, quality, samples);
      System.out.printf(Locale.ROOT, "%,d examples on one machine (%d updates); %,d on Spark: %d rounds of k = %d on %d"
          + " replicas (%s); seeds %s%n", singleCount, settings.iterations(), examples, settings.rounds(), k, partitions, master,
          seedList);
      runs = GanParity.run(sc, settings, scorer, System.out);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    GanParity.Verdicts verdicts = GanParity.Verdicts.of(runs);
    ParityVerdict score = verdicts.score();
    ParityVerdict frechet = verdicts.frechet();
    runs.forEach(System.out::println);
    System.out.println(score);
    System.out.println(frechet);
    QualityReport.Builder report = QualityReport.builder("spark-parity")
        .setting("examples", examples).setting("single_examples", singleCount).setting("partitions", partitions).setting("k", k).setting("master", master)
        .setting("seeds", seedList.toString()).setting("samples", samples)
        .setting("seconds", QualityMeasurement.round(seconds));
    for (ParityVerdict v : List.of(score, frechet)) {
      String key = v == score ? "classifier_score_10_splits" : "frechet_distance";
      report.metric(key + "_single", v.meanBaseline(), "mean over " + seeds + " seeds, one machine")
          .metric(key + "_spark", v.meanCandidate(), "mean over " + seeds + " seeds, parameter averaging on Spark")
          .metric(key + "_seed_sd", v.pooledSd(), "pooled seed-to-seed standard deviation")
          .metric(key + "_t", v.t(), String.format(Locale.ROOT, "difference over its standard error; within noise when"
              + " |t| <= %.2f (5%%, two-sided): %s", v.critical(), v.withinNoise()));
    }
    for (GanParity.Run r : runs) {
      report.metric(r.path() + "_seed" + r.seed() + "_classifier_score_10_splits", r.quality().classifierScore10(),
          String.format(Locale.ROOT, "10-split sd %.3f; %,d examples; %.0f s of training", r.quality().classifierScore10Std(),
              r.examplesSeen(), r.trainSeconds()))
          .metric(r.path() + "_seed" + r.seed() + "_frechet_distance", r.quality().frechetDistance(),
              "classifier features against the 10,000 real test images");
    }
    Path json = report.build().writeJson(out.resolve("spark-parity.json"));
    System.out.printf(Locale.ROOT, "%d trainings and scorings in %.0f s; report written to %s%n", runs.size(), seconds,
        json.toAbsolutePath());
    return 0;
  }
}
