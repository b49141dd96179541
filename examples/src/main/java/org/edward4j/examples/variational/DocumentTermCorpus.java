package org.edward4j.examples.variational;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.edward4j.core.io.AtomicFiles;

/**
 * A document-term count matrix with its vocabulary, the input of {@link DeepExponentialFamilyExample}.
 *
 * <p>File format (UTF-8 text): lines starting with {@code #} are comments; the first other line is
 * the vocabulary, D words separated by spaces; each following line is one document's D counts,
 * non-negative integers separated by spaces. Edward's script reads the NIPS 1987-2015 corpus
 * (Perrone et al., 2016), keeps the 2011 papers and the words in at least two of them with at least
 * ten occurrences; that corpus is not reachable from this machine, so {@link #synthetic} makes a
 * small one with known topics for tests and demonstrations.
 *
 * @param words the vocabulary, D words
 * @param counts {@code [N][D]} counts, one row per document
 */
record DocumentTermCorpus(List<String> words, float[][] counts) {

  /** Checks the shapes and values. */
  DocumentTermCorpus {
    words = List.copyOf(words);
    if (words.isEmpty() || counts.length == 0) {
      throw new IllegalArgumentException("a corpus needs at least one word and one document, got "
          + words.size() + " words and " + counts.length + " documents");
    }
    for (int n = 0; n < counts.length; n++) {
      if (counts[n].length != words.size()) {
        throw new IllegalArgumentException("document " + (n + 1) + " must have " + words.size() + " counts, got "
            + counts[n].length);
      }
      for (float c : counts[n]) {
        if (!(c >= 0) || c != Math.rint(c)) {
          throw new IllegalArgumentException("counts must be non-negative integers, got " + c + " in document " + (n + 1));
        }
      }
    }
  }

  /** The total count, {@code sum(x)}. */
  double total() {
    double sum = 0;
    for (float[] row : counts) {
      for (float c : row) {
        sum += c;
      }
    }
    return sum;
  }

  /**
   * Reads a corpus file.
   *
   * @param file the file
   * @return the corpus
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException naming the file and line if it is malformed
   */
  static DocumentTermCorpus read(Path file) throws IOException {
    List<String> words = null;
    List<float[]> rows = new ArrayList<>();
    int lineNumber = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.trim().split("\\s+");
      if (words == null) {
        words = List.of(fields);
        continue;
      }
      float[] row = new float[fields.length];
      for (int i = 0; i < fields.length; i++) {
        try {
          row[i] = Integer.parseInt(fields[i]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(file + " line " + lineNumber + ": counts must be integers, got " + fields[i]);
        }
      }
      rows.add(row);
    }
    if (words == null) {
      throw new IllegalArgumentException(file + " holds no vocabulary line");
    }
    try {
      return new DocumentTermCorpus(words, rows.toArray(float[][]::new));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the corpus in the format {@link #read} reads, atomically.
   *
   * @param file the file
   * @return the file
   * @throws IOException if it cannot be written
   */
  Path write(Path file) throws IOException {
    StringBuilder sb = new StringBuilder("# document-term counts: vocabulary line, then one line per document\n");
    sb.append(String.join(" ", words)).append('\n');
    for (float[] row : counts) {
      for (int i = 0; i < row.length; i++) {
        sb.append(i == 0 ? "" : " ").append((int) row[i]);
      }
      sb.append('\n');
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    return AtomicFiles.write(file, sink -> sink.write(bytes));
  }

  /**
   * A synthetic corpus with {@code topics} disjoint topics of {@code wordsPerTopic} words each
   * (named {@code t<k>w<j>}): each document mixes two topics, drawing about {@code length} words, a
   * Poisson count per word with rate {@code length / (2 * wordsPerTopic)} on its topics' words and
   * 0.05 elsewhere.
   *
   * @param documents N
   * @param topics the number of topics
   * @param wordsPerTopic words per topic
   * @param length the mean document length
   * @param seed the seed
   * @return the corpus
   */
  static DocumentTermCorpus synthetic(int documents, int topics, int wordsPerTopic, int length, long seed) {
    ToyDraws draws = new ToyDraws(seed);
    List<String> words = new ArrayList<>();
    for (int k = 0; k < topics; k++) {
      for (int j = 0; j < wordsPerTopic; j++) {
        words.add(String.format(Locale.ROOT, "t%dw%d", k, j));
      }
    }
    float[][] counts = new float[documents][words.size()];
    for (int n = 0; n < documents; n++) {
      int a = draws.choice(topics);
      int b = draws.choice(topics);
      for (int v = 0; v < words.size(); v++) {
        int topic = v / wordsPerTopic;
        double rate = topic == a || topic == b ? (double) length / (2 * wordsPerTopic) : 0.05;
        counts[n][v] = draws.poisson(rate);
      }
    }
    return new DocumentTermCorpus(words, counts);
  }

  /**
   * For topics learned on a {@link #synthetic} corpus: the mean over topics of the largest share of
   * a topic's top words that come from one true topic (1 when every list is pure; about 2 / topics
   * for lists drawn at random).
   *
   * @param topics top words per learned topic, named {@code t<k>w<j>}
   * @return the mean purity, or NaN if a word is not a synthetic one
   */
  static double topicPurity(List<List<String>> topics) {
    double sum = 0;
    for (List<String> top : topics) {
      java.util.Map<String, Integer> byTopic = new java.util.HashMap<>();
      for (String word : top) {
        int w = word.indexOf('w');
        if (!word.startsWith("t") || w < 2) {
          return Double.NaN;
        }
        byTopic.merge(word.substring(0, w), 1, Integer::sum);
      }
      sum += byTopic.values().stream().mapToInt(Integer::intValue).max().orElse(0) / (double) top.size();
    }
    return sum / topics.size();
  }

  @Override
  public String toString() {
    return "DocumentTermCorpus(" + counts.length + " documents, " + words.size() + " words)";
  }
}
