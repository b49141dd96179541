package org.edward4j.models.graph;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import org.edward4j.core.RandomVariable;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;

/**
 * The two walks behind every query: up a tensor's inputs, or down its consumers, noting the random
 * variables met, each op or tensor visited once (so a query costs O(ops reachable)).
 *
 * <p>As Edward's {@code get_*} functions do, the walks follow data edges only (not control
 * dependencies), and the query's own random variable is never part of its answer.
 */
final class GraphWalk {

  /** Whether a walk goes past the random variables it meets (ancestors) or stops there (parents). */
  enum Past {
    /** Stop at each random variable met: parents, children. */
    STOP,
    /** Walk on through it: ancestors, descendants, variables. */
    CONTINUE
  }

  /**
   * The start of a walk: a tensor, and the random variable it is the value of (or null).
   *
   * @param tensor where the walk begins
   * @param self the random variable left out of the answer, or null
   */
  record Start(Output<?> tensor, RandomVariable<?> self) {}

  private GraphWalk() {}

  /**
   * The random variables met walking up from {@code start}; with {@code visitedOps} non-null, the
   * name of every op visited is added to it.
   */
  static Set<RandomVariable<?>> up(RandomVariableIndex index, Start start, Past past, Set<String> visitedOps) {
    Set<RandomVariable<?>> found = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<String> visited = visitedOps != null ? visitedOps : new HashSet<>();
    Deque<Output<?>> todo = new ArrayDeque<>();
    todo.push(start.tensor());
    while (!todo.isEmpty()) {
      Output<?> t = todo.pop();
      GraphOperation op = (GraphOperation) t.op();
      if (!visited.add(op.name())) {
        continue;
      }
      RandomVariable<?> rv = index.atValue(t);
      if (rv == null && t == start.tensor()) {
        rv = start.self();
      }
      if (rv != null && rv != start.self()) {
        found.add(rv);
        if (past == Past.STOP) {
          continue;
        }
      }
      for (Operand<?> in : op.inputs()) {
        todo.push(in.asOutput());
      }
      if (rv != null) {
        for (Operand<?> p : rv.parameters().values()) {
          todo.push(p.asOutput());
        }
      }
    }
    return found;
  }

  /** The random variables met walking down from {@code start}. */
  static Set<RandomVariable<?>> down(RandomVariableIndex index, Start start, Past past) {
    Set<RandomVariable<?>> found = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<String> visited = new HashSet<>();
    Deque<Output<?>> todo = new ArrayDeque<>();
    todo.push(start.tensor());
    while (!todo.isEmpty()) {
      Output<?> t = todo.pop();
      String key = RandomVariableIndex.key(t);
      if (!visited.add(key)) {
        continue;
      }
      RandomVariable<?> rv = index.atValue(t);
      if (rv != null && rv != start.self()) {
        found.add(rv);
        if (past == Past.STOP) {
          continue;
        }
      }
      GraphOperation op = (GraphOperation) t.op();
      for (GraphOperation consumer : op.consumers(t.index())) {
        for (int i = 0; i < consumer.numOutputs(); i++) {
          todo.push(consumer.output(i));
        }
      }
      for (RandomVariable<?> child : index.takingParameter(key)) {
        todo.push(child.value().asOutput());
      }
    }
    return found;
  }
}
