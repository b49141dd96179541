package org.edward4j.models;

import org.tensorflow.ConcreteFunction;
import org.tensorflow.ExecutionEnvironment;
import org.tensorflow.Graph;
import org.tensorflow.Operation;
import org.tensorflow.OperationBuilder;
import org.tensorflow.op.OpScope;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;

/**
 * {@link Ops} that place new operations under an exact, already unique name prefix such as {@code
 * Gen/x}.
 *
 * <p>Why not {@code VariableScope.tf()}: {@code ModelContext.opsAt} (edward-core, as installed)
 * builds every new prefix from {@code Ops.create(graph)}, whose root name scope is the graph's one
 * shared base scope, so the first component is made unique again on every new prefix: after
 * {@code opsAt("Gen/Normal")}, {@code opsAt("Gen/x")} places ops under {@code Gen_1/x}. Here each
 * chain starts from a fresh root scope instead (a new {@link OpScope} bound to the same graph,
 * handed to {@link Ops#create} through a one-use environment, since {@code Ops(Scope)} is not
 * public). The prefix is unique already ({@code VariableScope} reserves it), so no component is
 * renamed.
 */
final class ExactPrefixOps {

  private ExactPrefixOps() {}

  /**
   * Ops whose new operations are named {@code prefix/...}.
   *
   * @param graph the graph
   * @param prefix a unique absolute prefix, e.g. {@code Gen/Normal_1}
   * @return ops under that prefix
   */
  static Ops at(Graph graph, String prefix) {
    Ops ops = Ops.create(new FreshRoot(graph));
    for (String part : prefix.split("/")) {
      ops = ops.withSubScope(part);
    }
    return ops;
  }

  /** Hands {@link Ops#create} a fresh root scope of {@code graph}; every op is built by the graph. */
  private record FreshRoot(Graph graph) implements ExecutionEnvironment {

    @Override
    public Scope baseScope() {
      return new OpScope(graph);
    }

    @Override
    public OperationBuilder opBuilder(String type, String name, Scope scope) {
      return graph.opBuilder(type, name, scope);
    }

    @Override
    public void attachFunction(ConcreteFunction function) {
      graph.attachFunction(function);
    }

    @Override
    public void checkInput(Operation input) {
      graph.checkInput(input);
    }

    @Override
    public Types environmentType() {
      return Types.GRAPH;
    }

    @Override
    public boolean isInitializer(Operation op) {
      return graph.isInitializer(op);
    }
  }
}
