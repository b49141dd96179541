package org.edward4j.core.naming;

import java.util.HashMap;
import java.util.Map;
import org.tensorflow.Graph;

/**
 * The names used under each prefix of one graph, shared by every {@link GraphScope} of that graph.
 *
 * <p>TensorFlow Java gives each new name scope a private table of used names, filled by walking
 * every op of the graph. Here one table per prefix lives for the graph's lifetime, so scopes with
 * the same prefix see each other's names and nothing is ever rescanned. Names made elsewhere (a
 * raw {@code Ops.create(graph)}, an imported {@code GraphDef}, gradients added natively) are
 * caught by asking the graph for the candidate's full name, one hash look-up in TensorFlow.
 */
final class NameRegistry {

  private final Graph graph;
  private final Map<String, Map<String, Integer>> namesByPrefix = new HashMap<>();

  NameRegistry(Graph graph) {
    this.graph = graph;
  }

  /**
   * A name not yet used under {@code prefix}: {@code id} the first time, then {@code id_1}, {@code
   * id_2}, ... as TF1 and TensorFlow Java's {@code NameScope.makeUnique} count. Unlike theirs, a
   * candidate that is already taken (an explicit {@code a_1} before the second {@code a}, or an op
   * built outside these scopes) is skipped rather than reused.
   *
   * @param prefix the scope's full prefix, {@code ""} at the root
   * @param id a valid op-name component
   * @return the unique component, without the prefix
   */
  synchronized String unique(String prefix, String id) {
    Map<String, Integer> used = namesByPrefix.computeIfAbsent(prefix, p -> new HashMap<>());
    Integer next = used.get(id);
    // n is the next numeric suffix to try; TF's first use of an id takes the bare id.
    int n = next == null ? 1 : next;
    String candidate = next == null && !isTakenOutside(prefix, id) ? id : null;
    while (candidate == null) {
      String c = id + "_" + n++;
      if (!used.containsKey(c) && !isTakenOutside(prefix, c)) {
        candidate = c;
      }
    }
    used.put(id, n);
    used.putIfAbsent(candidate, 1);
    return candidate;
  }

  /**
   * Marks {@code name} as used under {@code prefix} without choosing it, for a scope entered at an
   * exact path that was made unique by its owner.
   */
  synchronized void claim(String prefix, String name) {
    namesByPrefix.computeIfAbsent(prefix, p -> new HashMap<>()).putIfAbsent(name, 1);
  }

  private boolean isTakenOutside(String prefix, String candidate) {
    return graph.operation(prefix.isEmpty() ? candidate : prefix + "/" + candidate) != null;
  }
}
