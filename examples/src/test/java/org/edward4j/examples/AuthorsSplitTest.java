package org.edward4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The BiGAN authors' evaluation split: sizes, disjointness, a fair draw, and rows that follow their labels. */
class AuthorsSplitTest {

  @Test
  void holdsOutTenThousandOfSixtyThousandDisjointlyAndReproducibly() {
    AuthorsSplit split = AuthorsSplit.of(60_000, AuthorsSplit.VALIDATION, 42);
    assertEquals(50_000, split.references().length);
    assertEquals(10_000, split.queries().length);
    int[] all = IntStream.concat(Arrays.stream(split.references()), Arrays.stream(split.queries())).sorted().toArray();
    assertArrayEquals(IntStream.range(0, 60_000).toArray(), all, "a partition of 0 .. 59,999");
    assertArrayEquals(split.queries(), AuthorsSplit.of(60_000, 10_000, 42).queries(), "same seed, same split");
    assertTrue(!Arrays.equals(split.queries(), AuthorsSplit.of(60_000, 10_000, 43).queries()), "another seed, another split");
    // A uniform draw: the number of queries among the first 30,000 images is hypergeometric with
    // mean 5,000 and standard deviation sqrt(10,000 * 0.5 * 0.5 * 50,000 / 59,999) = 45.6; 5 sd is 228.
    long low = Arrays.stream(split.queries()).filter(i -> i < 30_000).count();
    assertEquals(5_000, low, 228, "queries among the first half");
  }

  @Test
  void rowsAndLabelsFollowTheIndices() {
    float[] matrix = {0, 0.5f, 1, 1.5f, 2, 2.5f}; // three rows of two
    int[] which = {2, 0};
    assertArrayEquals(new float[] {2, 2.5f, 0, 0.5f}, AuthorsSplit.rows(matrix, 2, which));
    assertArrayEquals(new int[] {7, 5}, AuthorsSplit.labels(new int[] {5, 6, 7}, which));
  }

  @Test
  void heldOutCountMustLeaveReferences() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AuthorsSplit.of(10, 10, 1));
    assertEquals("`held` must be in [1, 10), got 10", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AuthorsSplit.of(10, 0, 1));
  }
}
