package org.edward4j.examples.variational;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Zachary's karate club (Zachary, 1977, Journal of Anthropological Research 33:452-473), shipped
 * as the resource {@code karate.txt} beside this class: the 34 members' 78 friendships as a
 * symmetric 0/1 adjacency matrix, and the faction (0 or 1) each member ended in after the club
 * split. Edward's {@code observations.karate} gives the same matrix and labels.
 *
 * @param adjacency {@code [34][34]}, 1 where two members are friends, 0 on the diagonal
 * @param faction each member's faction, 0 (around the instructor, member 1) or 1 (around the
 *     administrator, member 34)
 */
record KarateClub(float[][] adjacency, int[] faction) {

  /** Members. */
  static final int MEMBERS = 34;
  /** Friendships. */
  static final int EDGES = 78;

  /**
   * Reads the shipped resource and checks it: 34 members, 78 distinct edges, both factions given.
   *
   * @return the data set
   * @throws IllegalStateException if the resource is missing or does not hold what it should
   */
  static KarateClub load() {
    float[][] a = new float[MEMBERS][MEMBERS];
    int[] faction = new int[MEMBERS];
    Arrays.fill(faction, -1);
    int edges = 0;
    try (InputStream in = KarateClub.class.getResourceAsStream("karate.txt")) {
      if (in == null) {
        throw new IllegalStateException("resource karate.txt is missing beside " + KarateClub.class.getName());
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("faction ")) {
          int label = Integer.parseInt(line.substring(8, line.indexOf(':')).trim());
          for (String member : line.substring(line.indexOf(':') + 1).trim().split("\\s+")) {
            faction[Integer.parseInt(member) - 1] = label;
          }
          continue;
        }
        String[] pair = line.trim().split("\\s+");
        int i = Integer.parseInt(pair[0]) - 1;
        int j = Integer.parseInt(pair[1]) - 1;
        if (i == j || a[i][j] != 0) {
          throw new IllegalStateException("karate.txt: self-loop or repeated edge " + line);
        }
        a[i][j] = 1;
        a[j][i] = 1;
        edges++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (edges != EDGES || Arrays.stream(faction).anyMatch(f -> f < 0)) {
      throw new IllegalStateException("karate.txt must hold " + EDGES + " edges and a faction for each of "
          + MEMBERS + " members, got " + edges + " edges and factions " + Arrays.toString(faction));
    }
    return new KarateClub(a, faction);
  }

  /** The number of friends of member {@code member} (1-indexed, as Zachary numbers them). */
  int degree(int member) {
    int d = 0;
    for (float v : adjacency[member - 1]) {
      d += (int) v;
    }
    return d;
  }
}
