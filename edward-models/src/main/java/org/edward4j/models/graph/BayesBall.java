package org.edward4j.models.graph;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.edward4j.core.RandomVariable;
import org.edward4j.models.PointMass;

/**
 * Shachter's Bayes-Ball (1998) over random variables, as Edward's {@code is_independent} runs it:
 * balls start at every node of {@code b} as if sent from a child; a node that a ball reaches
 * through its bottom (as if from a parent, or from a child when unobserved) and that is in {@code
 * a} makes {@code a} depend on {@code b}.
 *
 * <p>Rules: an unobserved node receiving a ball from a child passes it to its parents and, unless
 * it is deterministic (a {@link PointMass}), to its children; an unobserved node receiving a ball
 * from a parent passes it to its children; an observed node (in {@code condition}) receiving a
 * ball from a parent bounces it back to its parents, which is how conditioning on a collider, or on
 * a descendant of one, opens the path. Each node is marked on top and bottom at most once, so the
 * run visits each node a bounded number of times; parents and children are computed once per node.
 */
final class BayesBall {

  private enum From { CHILD, PARENT }

  private record Visit(RandomVariable<?> node, From from) {}

  private final Function<RandomVariable<?>, List<RandomVariable<?>>> parentsOf;
  private final Function<RandomVariable<?>, List<RandomVariable<?>>> childrenOf;
  private final Map<RandomVariable<?>, List<RandomVariable<?>>> parents = new IdentityHashMap<>();
  private final Map<RandomVariable<?>, List<RandomVariable<?>>> children = new IdentityHashMap<>();

  BayesBall(Function<RandomVariable<?>, List<RandomVariable<?>>> parentsOf,
      Function<RandomVariable<?>, List<RandomVariable<?>>> childrenOf) {
    this.parentsOf = parentsOf;
    this.childrenOf = childrenOf;
  }

  /** Whether {@code a} is independent of {@code b} given {@code condition}. */
  boolean independent(List<RandomVariable<?>> a, List<RandomVariable<?>> b, List<RandomVariable<?>> condition) {
    Set<RandomVariable<?>> inA = identitySet(a);
    Set<RandomVariable<?>> observed = identitySet(condition);
    Set<RandomVariable<?>> top = identitySet(List.of());
    Set<RandomVariable<?>> bottom = identitySet(List.of());
    Deque<Visit> schedule = new ArrayDeque<>();
    for (RandomVariable<?> node : b) {
      schedule.push(new Visit(node, From.CHILD));
    }
    while (!schedule.isEmpty()) {
      Visit v = schedule.pop();
      RandomVariable<?> node = v.node();
      boolean isObserved = observed.contains(node);
      if (!isObserved && v.from() == From.CHILD) {
        if (top.add(node)) {
          sendTo(parents(node), From.CHILD, schedule);
        }
        if (!(node instanceof PointMass) && bottom.add(node)) {
          if (inA.contains(node)) {
            return false;
          }
          sendTo(children(node), From.PARENT, schedule);
        }
      } else if (v.from() == From.PARENT) {
        if (isObserved) {
          if (top.add(node)) {
            sendTo(parents(node), From.CHILD, schedule);
          }
        } else if (bottom.add(node)) {
          if (inA.contains(node)) {
            return false;
          }
          sendTo(children(node), From.PARENT, schedule);
        }
      }
    }
    return true;
  }

  private List<RandomVariable<?>> parents(RandomVariable<?> node) {
    return parents.computeIfAbsent(node, parentsOf);
  }

  private List<RandomVariable<?>> children(RandomVariable<?> node) {
    return children.computeIfAbsent(node, childrenOf);
  }

  private static void sendTo(List<RandomVariable<?>> nodes, From from, Deque<Visit> schedule) {
    for (RandomVariable<?> n : nodes) {
      schedule.push(new Visit(n, from));
    }
  }

  private static Set<RandomVariable<?>> identitySet(List<RandomVariable<?>> items) {
    Set<RandomVariable<?>> s = Collections.newSetFromMap(new IdentityHashMap<>());
    s.addAll(items);
    return s;
  }
}
