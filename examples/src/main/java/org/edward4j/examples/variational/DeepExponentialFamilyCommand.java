package org.edward4j.examples.variational;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward deep-exponential-family}: the settings of {@link DeepExponentialFamilyExample}. */
@Command(name = "deep-exponential-family", mixinStandardHelpOptions = true,
    description = {"Edward's deep_exponential_family.py: a sparse Gamma DEF topic model by variational EM (KLqp + MAP);",
        "NLL and perplexity bounds and top words per epoch. Without --corpus, a synthetic corpus with known topics."})
public final class DeepExponentialFamilyCommand extends ExampleCommand {

  @Option(names = "--corpus", paramLabel = "FILE",
      description = "document-term counts: a vocabulary line, then one line of counts per document"
          + " (default: a synthetic corpus of --documents documents, written to --out)")
  Path corpus;

  @Option(names = "--documents", paramLabel = "N", defaultValue = "200",
      description = "documents of the synthetic corpus (default: ${DEFAULT-VALUE})")
  int documents;

  @Option(names = "--k", paramLabel = "K0,K1,K2", split = ",", defaultValue = "100,30,15",
      description = "components per layer, Edward's K (default: ${DEFAULT-VALUE})")
  int[] k;

  @Option(names = "--shape", paramLabel = "S", defaultValue = "0.1",
      description = "Gamma shape of the inner layers, Edward's shape (default: ${DEFAULT-VALUE})")
  double shape;

  @Option(names = "--lr", paramLabel = "R", defaultValue = "1e-4",
      description = "RMSProp step size, Edward's lr (default: ${DEFAULT-VALUE})")
  double lr;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "20", description = "epochs, Edward's n_epoch (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--iterations-per-epoch", paramLabel = "N", defaultValue = "10000",
      description = "E- and M-step pairs per epoch, Edward's n_iter_per_epoch (default: ${DEFAULT-VALUE})")
  int iterationsPerEpoch;

  @Mixin OutputOptions output;

  /** Creates the command; picocli sets the fields. */
  public DeepExponentialFamilyCommand() {}

  @Override
  public Integer call() throws Exception {
    if (k == null || k.length != 3) {
      throw usage("--k must give 3 sizes, e.g. 100,30,15, got " + (k == null ? 0 : k.length));
    }
    for (int size : k) {
      positive("--k", size);
    }
    positive("--shape", shape, false);
    positive("--lr", lr, false);
    positive("--epochs", epochs);
    positive("--iterations-per-epoch", iterationsPerEpoch);
    positive("--documents", documents);
    if (corpus != null && !Files.isRegularFile(corpus)) {
      throw usage("--corpus must be a readable file, got " + corpus);
    }
    Path out = output.createOut();
    DocumentTermCorpus data;
    String name;
    if (corpus != null) {
      try {
        data = DocumentTermCorpus.read(corpus);
      } catch (IllegalArgumentException e) {
        throw usage("--corpus: " + e.getMessage());
      }
      name = corpus.toString();
    } else {
      data = DocumentTermCorpus.synthetic(documents, 10, 30, 200, output.seed());
      Path file = data.write(out.resolve("synthetic-corpus.txt"));
      name = "synthetic: " + documents + " documents, 10 topics of 30 words (" + file + ")";
      System.out.println("NIPS corpus not reachable; synthetic corpus written to " + file);
    }
    var s = new DeepExponentialFamilyExample.Settings(k, shape, lr, epochs, iterationsPerEpoch, output.seed());
    var r = DeepExponentialFamilyExample.run(data, s, System.out);
    Path json = DeepExponentialFamilyExample.report(name, corpus != null ? "--corpus " + corpus : "--documents " + documents, s, r).writeJson(out.resolve("deep-exponential-family.json"));
    System.out.println("report: " + json);
    return 0;
  }
}
