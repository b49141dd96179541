package org.edward4j.examples.variational;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A character corpus prepared as text8 is (Mahoney's cleaning of Wikipedia that Edward's {@code
 * lstm.py} reads): lower-case letters {@code a-z} and single spaces, every other run of characters
 * turned into one space. Characters are encoded over Edward's vocabulary {@code
 * string.ascii_lowercase + ' '}: {@code a} is 0, ..., {@code z} is 25, space is 26.
 *
 * <p>The bundled text is the United States Declaration of Independence (1776), a public-domain
 * text of about 8 KB, transcribed in the resource {@code declaration-of-independence.txt}; text8
 * (100 MB) is not bundled and needs the network.
 */
final class CharacterCorpus {

  /** Edward's vocabulary, {@code string.ascii_lowercase + ' '}. */
  static final String VOCABULARY = "abcdefghijklmnopqrstuvwxyz ";

  private CharacterCorpus() {}

  /** The bundled public-domain text, cleaned and encoded. */
  static int[] declarationOfIndependence() {
    try (InputStream in = CharacterCorpus.class.getResourceAsStream("declaration-of-independence.txt")) {
      if (in == null) {
        throw new IllegalStateException("resource declaration-of-independence.txt is missing from the examples jar");
      }
      return encode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Cleans {@code text} as text8 is and encodes it over {@link #VOCABULARY}. */
  static int[] encode(String text) {
    int[] out = new int[text.length()];
    int n = 0;
    boolean space = true;
    for (char ch : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      if (ch >= 'a' && ch <= 'z') {
        out[n++] = ch - 'a';
        space = false;
      } else if (!space) {
        out[n++] = 26;
        space = true;
      }
    }
    if (n > 0 && out[n - 1] == 26) {
      n--;
    }
    return Arrays.copyOf(out, n);
  }

  /** Decodes codes over {@link #VOCABULARY}. */
  static String decode(int[] codes) {
    StringBuilder s = new StringBuilder(codes.length);
    for (int c : codes) {
      s.append(VOCABULARY.charAt(c));
    }
    return s.toString();
  }

  /** The entropy in bits of the empirical distribution of single characters in {@code codes}. */
  static double unigramEntropyBits(int[] codes) {
    long[] counts = new long[VOCABULARY.length()];
    for (int c : codes) {
      counts[c]++;
    }
    double h = 0;
    for (long k : counts) {
      if (k > 0) {
        double p = (double) k / codes.length;
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    return h;
  }
}
