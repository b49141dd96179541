package org.edward4j.examples.variational;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edward's deep_exponential_family.py on a synthetic corpus (the NIPS corpus is not reachable here):
 * 40 documents, 5 topics of 8 words, layers 5-3-2, two epochs of 150 steps at a larger step size.
 */
class DeepExponentialFamilyExampleTest {

  @TempDir Path tmp;

  @Test
  void variationalEmLowersTheBoundAndPrintsTopics() {
    DocumentTermCorpus corpus = DocumentTermCorpus.synthetic(40, 5, 8, 40, 3);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    var r = DeepExponentialFamilyExample.run(corpus, new DeepExponentialFamilyExample.Settings(new int[] {5, 3, 2}, 0.1, 0.02, 2, 150, 42),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("Negative log-likelihood <= ") && printed.contains("Perplexity <= ")
        && printed.contains("Topic 4: "), printed);
    assertEquals(5, r.topics().size(), "the first min(10, K0) topics");
    assertEquals(10, r.topics().get(0).stream().distinct().count(), "ten distinct top words per topic");
    // The bound is not a bound on -log p(x) alone: the weights' Gamma(0.1, 0.3) log-densities at
    // their point masses (unbounded near 0, floored at 1e-3) enter the E-step's loss as observed
    // terms, as in Edward, whose docstring shows a negative "NLL". What must hold is that variational
    // EM lowers it: the second epoch's mean loss below the first's.
    double[] nll = r.nllPerEpoch();
    // Each synthetic document mixes 2 of 5 disjoint 8-word topics, so a learned topic's top 10 words
    // can be at most 8/10 from one true topic; at random (40 words, 8 per topic) the largest share
    // averages about 0.4. Seed 42 reached 0.8 on every topic by the second epoch; 0.6 allows one or
    // two stray words per topic and fails topics that did not form.
    double purity = DocumentTermCorpus.topicPurity(r.topics());
    assertTrue(purity >= 0.6, "topic purity " + purity + ": " + r.topics());
    assertTrue(Double.isFinite(nll[1]) && nll[1] < nll[0], "nll per epoch " + nll[0] + ", " + nll[1]);
  }

  @Test
  void corpusFilesRoundTripAndBadOnesAreNamed() throws IOException {
    DocumentTermCorpus corpus = DocumentTermCorpus.synthetic(6, 2, 3, 10, 1);
    Path file = corpus.write(tmp.resolve("c.txt"));
    DocumentTermCorpus back = DocumentTermCorpus.read(file);
    assertEquals(corpus.words(), back.words());
    for (int n = 0; n < 6; n++) {
      assertArrayEquals(corpus.counts()[n], back.counts()[n]);
    }
    Path bad = Files.writeString(tmp.resolve("bad.txt"), "a b c\n1 2\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DocumentTermCorpus.read(bad));
    assertTrue(e.getMessage().contains("document 1 must have 3 counts, got 2"), e.getMessage());
    Path negative = Files.writeString(tmp.resolve("neg.txt"), "a b\n1 -2\n");
    e = assertThrows(IllegalArgumentException.class, () -> DocumentTermCorpus.read(negative));
    assertTrue(e.getMessage().contains("non-negative integers, got -2.0"), e.getMessage());
  }

  @Test
  void rejectsBadSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DeepExponentialFamilyExample.Settings(new int[] {5, 3}, 0.1, 1e-4, 1, 1, 1));
    assertEquals("`layers` must hold 3 sizes, got [5, 3]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new DeepExponentialFamilyExample.Settings(new int[] {5, 3, 2}, -0.1, 1e-4, 1, 1, 1));
    assertEquals("`shape` must be a finite number above 0, got -0.1", e.getMessage());
  }
}
