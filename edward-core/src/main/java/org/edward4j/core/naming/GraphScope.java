package org.edward4j.core.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.DeviceSpec;
import org.tensorflow.ExecutionEnvironment;
import org.tensorflow.Graph;
import org.tensorflow.Operation;
import org.tensorflow.OperationBuilder;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;

/**
 * TensorFlow Java's {@link Scope} for a {@link Graph}, naming ops as TF1 does but entering a name
 * scope in constant time.
 *
 * <p>TensorFlow Java 1.1.0's {@code OpScope.withSubScope} walks every op of the graph to learn the
 * names already used, so a model that enters one scope per layer or per random variable builds in
 * time quadratic in its op count (an 800-layer MLP of 14,400 ops took 113 s). Here the used names
 * live in one registry per graph ({@link NameRegistry}), and a name scope is a prefix into it. The
 * names are TF1's: {@code Disc}, then {@code Disc_1}; {@code Disc/dense/MatMul}; {@code withName}
 * overrides the next op's or sub-scope's name. Control dependencies, device placement and the init
 * scope behave as in {@code OpScope}.
 *
 * <pre>{@code
 * try (Graph g = new Graph()) {
 *   Ops tf = GraphScope.rootOps(g);
 *   Ops disc = tf.withSubScope("Disc"); // ops named Disc/...
 *   Ops again = tf.withSubScope("Disc"); // ops named Disc_1/...
 * }
 * }</pre>
 */
public final class GraphScope implements Scope {

  private final Graph graph;
  private final NameRegistry names;
  /** The full prefix, {@code ""} at the root. */
  private final String prefix;
  /** A name given by {@link #withName}, used for the next op or sub-scope instead of the default. */
  private final String opName;
  private final List<Operation> controls;
  private final DeviceSpec device;
  private final boolean init;

  private GraphScope(Graph graph, NameRegistry names, String prefix, String opName, List<Operation> controls,
      DeviceSpec device, boolean init) {
    this.graph = graph;
    this.names = names;
    this.prefix = prefix;
    this.opName = opName;
    this.controls = controls;
    this.device = device;
    this.init = init;
  }

  /**
   * The root {@link Ops} of {@code graph} over a new name registry. Build every op of the graph
   * through it (and the {@code Ops} derived from it), so that names made here and there never meet.
   *
   * @param graph an open graph
   * @return ops building into {@code graph}, outside any name scope
   */
  public static Ops rootOps(Graph graph) {
    Objects.requireNonNull(graph, "graph");
    return opsOf(new GraphScope(graph, new NameRegistry(graph), "", null, List.of(), DeviceSpec.newBuilder().build(), false));
  }

  /**
   * The {@link Ops} over a scope of ours, made once for a scope derived with the {@link Scope}
   * methods: chaining {@code Ops.withName}, {@code withSubScope} or {@code withInitScope} instead
   * makes an {@code Ops} (and its 25 op-group objects) at every step.
   *
   * @param scope a scope derived from {@link #rootOps}' scope
   * @return ops placing new operations in {@code scope}
   */
  public static Ops ops(Scope scope) {
    if (!(scope instanceof GraphScope ours)) {
      throw new IllegalArgumentException("`scope` must derive from GraphScope.rootOps, got a "
          + Objects.requireNonNull(scope, "scope").getClass().getName());
    }
    return opsOf(ours);
  }

  /**
   * The {@link Ops} whose prefix is exactly {@code path}, derived from {@code root}'s registry: no
   * component is made unique, so the caller must own the path's uniqueness (as the variable scopes
   * do). Each component is marked as used in its parent, so a later {@code withSubScope} of the same
   * name gets a fresh one ({@code _1}).
   *
   * @param root ops made by {@link #rootOps}
   * @param path an absolute prefix such as {@code Disc_1/dense}, {@code ""} for the root
   * @return ops placing new operations under {@code path/}
   * @throws IllegalArgumentException if {@code root} was not made by {@link #rootOps} or a component
   *     of {@code path} is not a valid op name
   */
  public static Ops at(Ops root, String path) {
    Objects.requireNonNull(path, "path");
    if (!(root.scope() instanceof GraphScope base)) {
      throw new IllegalArgumentException("`root` must be ops made by GraphScope.rootOps, got a " + root.scope().getClass().getName());
    }
    String parent = "";
    if (!path.isEmpty()) {
      for (String component : path.split("/", -1)) {
        checkName(component, "path component");
        base.names.claim(parent, component);
        parent = parent.isEmpty() ? component : parent + "/" + component;
      }
    }
    return opsOf(new GraphScope(base.graph, base.names, parent, null, List.of(), base.device, false));
  }

  /**
   * The full prefix of this scope.
   *
   * @return e.g. {@code "Disc_1/dense"}, or {@code ""} at the root
   */
  public String prefix() {
    return prefix;
  }

  @Override
  public ExecutionEnvironment env() {
    return graph;
  }

  @Override
  public GraphScope withSubScope(String childScopeName) {
    checkName(childScopeName, "scope name");
    String child = names.unique(prefix, opName != null ? opName : childScopeName);
    return new GraphScope(graph, names, qualify(child), null, controls, device, init);
  }

  @Override
  public GraphScope withName(String name) {
    checkName(name, "op name");
    return new GraphScope(graph, names, prefix, name, controls, device, init);
  }

  @Override
  public GraphScope withNameAsSubScope(String defaultName) {
    checkName(defaultName, "scope name");
    String child = names.unique(prefix, opName != null ? opName : defaultName);
    return new GraphScope(graph, names, qualify(child), null, controls, device, init);
  }

  @Override
  public GraphScope withDevice(DeviceSpec newDevice) {
    return new GraphScope(graph, names, prefix, opName, controls, Objects.requireNonNull(newDevice, "newDevice"), init);
  }

  @Override
  public GraphScope withInitScope() {
    return new GraphScope(graph, names, prefix, opName, List.of(), device, true);
  }

  @Override
  public String makeOpName(String defaultName) {
    checkName(defaultName, "op name");
    return qualify(names.unique(prefix, opName != null ? opName : defaultName));
  }

  @Override
  public String makeUnique(String id) {
    checkName(id, "name");
    return names.unique(prefix, id);
  }

  /** Nothing to refresh: every name is checked against the graph when it is made. */
  @Override
  public void refreshNames() {}

  @Override
  public GraphScope withControlDependencyOps(Iterable<Operation> newControls) {
    List<Operation> kept = new ArrayList<>();
    for (Operation control : newControls) {
      graph.checkInput(control);
      if (init && !graph.isInitializer(control)) {
        throw new IllegalArgumentException("Init scope can not have non-init control dependency.");
      }
      if (init || !graph.isInitializer(control)) {
        kept.add(control);
      }
    }
    return new GraphScope(graph, names, prefix, opName, List.copyOf(kept), device, init);
  }

  @Override
  public OperationBuilder apply(OperationBuilder builder) {
    builder.setDevice(device.toString());
    for (Operation control : controls) {
      if (init || !graph.isInitializer(control)) {
        builder.addControlInput(control);
      }
    }
    return builder;
  }

  @Override
  public String getDeviceString() {
    return device.toString();
  }

  @Override
  public boolean isInit() {
    return init;
  }

  @Override
  public String toString() {
    return "GraphScope(" + (prefix.isEmpty() ? "<root>" : prefix) + (opName != null ? ", name=" + opName : "") + ")";
  }

  private String qualify(String name) {
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static void checkName(String name, String what) {
    if (!isValidOpName(name)) {
      throw new IllegalArgumentException(
          "`" + what + "` must match [A-Za-z0-9.][A-Za-z0-9_.\\-]* (no slash), got " + (name == null ? "null" : "'" + name + "'"));
    }
  }

  /**
   * TF's op-name rule, {@code [A-Za-z0-9.][A-Za-z0-9_.\-]*}, checked without a regular expression:
   * {@code Scope.isValidOpName} builds a {@code Matcher} per call, a twentieth of graph building's
   * samples when every op name is checked.
   */
  static boolean isValidOpName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
          || (i > 0 && (c == '_' || c == '-'));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code Ops} over a scope of ours. {@code Ops}' constructor is package-private, but {@code
   * Ops.create(env)} only asks {@code env} for its base scope, so a carrier environment hands ours
   * over; the scope's own {@link #env()} is the real graph, which every op builder and
   * {@code tf.gradients} then use.
   */
  private static Ops opsOf(GraphScope scope) {
    return Ops.create(new ScopeCarrier(scope));
  }

  /** An environment that only carries a scope into {@code Ops.create}; anything else is refused. */
  private record ScopeCarrier(GraphScope scope) implements ExecutionEnvironment {
    @Override
    public Scope baseScope() {
      return scope;
    }

    @Override
    public OperationBuilder opBuilder(String type, String name, Scope s) {
      return scope.graph.opBuilder(type, name, s);
    }

    @Override
    public void attachFunction(ConcreteFunction function) {
      scope.graph.attachFunction(function);
    }

    @Override
    public void checkInput(Operation input) {
      scope.graph.checkInput(input);
    }

    @Override
    public Types environmentType() {
      return Types.GRAPH;
    }

    @Override
    public boolean isInitializer(Operation op) {
      return scope.graph.isInitializer(op);
    }
  }
}
