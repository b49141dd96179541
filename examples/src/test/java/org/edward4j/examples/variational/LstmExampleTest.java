package org.edward4j.examples.variational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Edward's lstm.py at hidden 32, windows of 16 characters, batches of 16, 300 Adam steps. */
class LstmExampleTest {

  @Test
  void likelihoodBeatsTheUnigramEntropyOfTheText() {
    int[] text = CharacterCorpus.declarationOfIndependence();
    int[] train = java.util.Arrays.copyOfRange(text, 0, text.length * 9 / 10);
    // The entropy of the character frequencies, computed here from the counts: the loss per character
    // of the best model that ignores context. English text sits near 4.1 bits.
    long[] counts = new long[27];
    for (int c : train) {
      counts[c]++;
    }
    double unigram = 0;
    for (long k : counts) {
      if (k > 0) {
        unigram -= (double) k / train.length * Math.log((double) k / train.length) / Math.log(2);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LstmExample.Result r = LstmExample.run(new LstmExample.Settings(300, 100, 16, 32, 16, 1e-2, 42),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("Train average bits/char") && printed.contains("Samples:"), printed);
    assertEquals(unigram, r.unigramBitsPerChar(), 1e-9);
    assertEquals(5, r.samples().size());
    assertTrue(r.samples().stream().allMatch(s -> s.length() == 16 && s.matches("[a-z ]+")), r.samples().toString());
    // The training figure averages 100 batches of 256 characters; a character's loss has a standard
    // deviation of about 2 bits, so the mean's Monte Carlo error is 2 / sqrt(25600) ~ 0.013 bits. An
    // untrained model scores log2(27) = 4.75 bits; a model that learnt only frequencies scores the
    // unigram entropy (about 4.1). Beating it by 0.3 bits (23 standard errors) needs context.
    assertTrue(r.trainBitsPerChar() < unigram - 0.3, "train " + r.trainBitsPerChar() + " vs unigram " + unigram);
    // Held out (about 800 characters of the same document): the same requirement, less margin
    // since the test text differs in wording from the training text.
    assertTrue(r.testBitsPerChar() < unigram, "test " + r.testBitsPerChar() + " vs unigram " + unigram);
  }

  @Test
  void corpusIsCleanedAsText8() {
    assertEquals("we hold these truths", CharacterCorpus.decode(CharacterCorpus.encode("  We hold -- these TRUTHS.\n")));
  }

  @Test
  void rejectsBadSettings() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LstmExample.Settings(10, 1, 4, 0, 8, 1e-3, 1));
    assertEquals("`hidden` must be at least 1, got 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new LstmExample.Settings(10, 1, 4, 4, 8, -1, 1));
    assertEquals("`learningRate` must be a finite number above 0, got -1.0", e.getMessage());
    // Windows longer than the held-out text are refused before any graph is built.
    e = assertThrows(IllegalArgumentException.class,
        () -> LstmExample.run(new LstmExample.Settings(1, 1, 1, 1, 100_000, 1e-3, 1), System.out));
    assertTrue(e.getMessage().startsWith("`timesteps` must be below the test text's "), e.getMessage());
  }
}
