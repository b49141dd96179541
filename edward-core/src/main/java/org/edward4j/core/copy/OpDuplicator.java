package org.edward4j.core.copy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.edward4j.core.ModelContext;
import org.edward4j.core.ModelContext.OpSeed;
import org.tensorflow.GraphOperation;
import org.tensorflow.GraphOperationBuilder;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.OpDef;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TNumber;

/**
 * Duplicates graph operations one by one, as Edward's {@code copy} does for a {@code
 * tf.Operation}: same type and attributes (read through the op's registered {@link OpDef}), inputs
 * mapped through a lookup, and fresh seeds for each random op: new {@code seed}/{@code seed2}
 * attributes for a stateful one, a new seed tensor ({@code ModelContext.statelessSeed}) for a
 * stateless one.
 *
 * <p>An op needs a copy when it is a random op or when one of its inputs (data or control)
 * is swapped or needs a copy; everything else (variables, placeholders, constants, deterministic
 * functions of them) is shared with the original graph, which gives the same values as Edward's
 * wholesale copy with fewer ops.
 */
final class OpDuplicator {

  private static Map<String, OpDef> opDefs;

  /** Control flow over function attributes: a copy would call the same functions with the same seeds. */
  private static final Set<String> FUNCTIONAL_CONTROL_FLOW =
      Set.of("While", "StatelessWhile", "If", "StatelessIf", "Case", "StatelessCase");

  private final ModelContext ctx;
  private final String prefix;
  private final Scope rootScope;
  private final Function<Output<?>, Output<?>> lookup;
  private final Function<Output<?>, Boolean> isReplaced;
  private final Map<String, Boolean> needs = new HashMap<>();
  private final Map<String, GraphOperation> copies = new HashMap<>();
  private final List<String> redrawn = new ArrayList<>();

  /**
   * @param ctx the context whose graph is copied into
   * @param prefix the unique op-name prefix of the copies
   * @param lookup what a replaced output becomes in a copy
   * @param isReplaced whether an output is replaced by something other than a plain op copy (a
   *     swap, or the value of a random variable copied as a whole), so traversals stop there
   */
  OpDuplicator(
      ModelContext ctx, String prefix, Function<Output<?>, Output<?>> lookup, Function<Output<?>, Boolean> isReplaced) {
    this.ctx = ctx;
    this.prefix = prefix;
    this.rootScope = ctx.tf().scope();
    this.lookup = lookup;
    this.isReplaced = isReplaced;
  }

  /** The original names of the random ops copied so far, in copy order. */
  List<String> redrawn() {
    return List.copyOf(redrawn);
  }

  /**
   * Whether {@code op} must be copied: it is a random op, or depends on a replaced output or on such
   * an op. Memoized; walks the graph iteratively, so deep graphs do not exhaust the stack.
   */
  boolean needsCopy(GraphOperation root) {
    Boolean known = needs.get(root.name());
    if (known != null) {
      return known;
    }
    if (root.type().equals("Exit")) {
      boolean loop = loopNeedsCopy(root, root);
      needs.put(root.name(), loop);
      return loop;
    }
    Deque<Frame> path = new ArrayDeque<>();
    Set<String> onPath = new HashSet<>();
    path.push(new Frame(root, dependencies(root)));
    onPath.add(root.name());
    while (!path.isEmpty()) {
      Frame f = path.peek();
      if (f.next < f.deps.size()) {
        GraphOperation dep = f.deps.get(f.next++);
        if (needs.containsKey(dep.name())) {
          continue;
        }
        if (dep.type().equals("Exit")) {
          needs.put(dep.name(), loopNeedsCopy(root, dep));
          continue;
        }
        if (!onPath.add(dep.name())) {
          throw new IllegalArgumentException(
              "cannot copy " + root.name() + ": the graph has a cycle through " + dep.name() + " (a while loop)");
        }
        path.push(new Frame(dep, dependencies(dep)));
        continue;
      }
      boolean result = isRandom(f.op);
      for (GraphOperation dep : f.deps) {
        result |= needs.get(dep.name());
      }
      for (int i = 0; i < f.op.numInputs() && !result; i++) {
        result = isReplaced.apply(f.op.input(i));
      }
      needs.put(f.op.name(), result);
      onPath.remove(f.op.name());
      path.pop();
    }
    return needs.get(root.name());
  }

  /**
   * Whether the TF1 while loop ending in {@code exit} is left as it is (false): a loop that draws no
   * random numbers and reads nothing swapped or copied gives the same values in a copy, so it is
   * shared, as deterministic ops are. A loop that would need a copy is refused, naming it: its
   * condition and body are separate frames whose cycle ({@code NextIteration} back to {@code
   * Merge}) cannot be rebuilt op by op, and their draws could not be given fresh seeds.
   *
   * @throws IllegalArgumentException if the loop draws random numbers or reads a swapped value
   */
  private boolean loopNeedsCopy(GraphOperation root, GraphOperation exit) {
    Deque<GraphOperation> stack = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    List<GraphOperation> inside = new ArrayList<>();
    stack.push(exit);
    seen.add(exit.name());
    String frame = null;
    String randomOp = null;
    String readsCopied = null;
    while (!stack.isEmpty()) {
      GraphOperation op = stack.pop();
      inside.add(op);
      if (randomOp == null && isRandom(op)) {
        randomOp = op.name();
      }
      if (op.type().equals("Enter")) {
        if (frame == null) {
          frame = op.attributes().getAttrValueProto("frame_name").getS().toStringUtf8();
        }
        Output<?> outer = op.input(0);
        if (readsCopied == null && (isReplaced.apply(outer) || needsCopy((GraphOperation) outer.op()))) {
          readsCopied = outer.op().name();
        }
        continue;
      }
      for (int i = 0; i < op.numInputs(); i++) {
        GraphOperation in = (GraphOperation) op.input(i).op();
        if (seen.add(in.name())) {
          stack.push(in);
        }
      }
      for (GraphOperation c : op.controlInputs()) {
        if (seen.add(c.name())) {
          stack.push(c);
        }
      }
    }
    String loop = "`" + (frame == null ? exit.name() : frame) + "` (op " + exit.name() + ")";
    if (randomOp != null) {
      throw new IllegalArgumentException("cannot copy " + root.name() + ": it depends on the while loop " + loop
          + ", which draws random numbers inside (" + randomOp + "); copies do not rebuild while loops, so the "
          + "draws could not be redrawn: draw them outside the loop and pass them in as loop variables");
    }
    if (readsCopied != null) {
      throw new IllegalArgumentException("cannot copy " + root.name() + ": it depends on the while loop " + loop
          + ", which reads " + readsCopied + ", swapped or redrawn in this copy; copies do not rebuild while loops");
    }
    for (GraphOperation op : inside) {
      needs.put(op.name(), false);
    }
    return false;
  }

  /** One op on the depth-first path, with its dependencies and the next one to visit. */
  private static final class Frame {
    final GraphOperation op;
    final List<GraphOperation> deps;
    int next;

    Frame(GraphOperation op, List<GraphOperation> deps) {
      this.op = op;
      this.deps = deps;
    }
  }

  /**
   * The copy of {@code root}, building it and every op it needs first (in dependency order).
   *
   * @param root an op for which {@link #needsCopy} is true
   * @return its copy, named {@code prefix/<original name>}
   */
  GraphOperation copy(GraphOperation root) {
    GraphOperation done = copies.get(root.name());
    if (done != null) {
      return done;
    }
    Deque<GraphOperation> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      GraphOperation op = stack.peek();
      if (copies.containsKey(op.name())) {
        stack.pop();
        continue;
      }
      boolean pending = false;
      for (GraphOperation dep : dependencies(op)) {
        if (needsCopy(dep) && !copies.containsKey(dep.name())) {
          stack.push(dep);
          pending = true;
        }
      }
      if (!pending) {
        copies.put(op.name(), build(op));
        stack.pop();
      }
    }
    return copies.get(root.name());
  }

  /** The input ops not replaced as a whole, and the control inputs, of {@code op}. */
  private List<GraphOperation> dependencies(GraphOperation op) {
    List<GraphOperation> out = new ArrayList<>();
    for (int i = 0; i < op.numInputs(); i++) {
      Output<?> in = op.input(i);
      if (!isReplaced.apply(in)) {
        out.add((GraphOperation) in.op());
      }
    }
    out.addAll(op.controlInputs());
    return out;
  }

  private GraphOperation build(GraphOperation op) {
    if (FUNCTIONAL_CONTROL_FLOW.contains(op.type())) {
      throw new IllegalArgumentException("cannot copy " + op.name() + ": it is a functional " + op.type()
          + " op whose function bodies copies cannot rebuild (their draws would repeat)");
    }
    OpDef def = opDef(op.type());
    boolean stateful = isStatefulRandom(op);
    boolean stateless = !stateful && isStatelessRandom(op);
    OpSeed seed = stateful || stateless ? ctx.nextOpSeed() : null;
    Output<?> freshSeed = stateless ? freshStatelessSeed(op, seed) : null;
    GraphOperationBuilder b = ctx.graph().opBuilder(op.type(), prefix + "/" + op.name(), rootScope);
    int next = 0;
    for (OpDef.ArgDef arg : def.getInputArgList()) {
      if (!arg.getNumberAttr().isEmpty() || !arg.getTypeListAttr().isEmpty()) {
        int n = op.inputListLength(arg.getName());
        Output<?>[] list = new Output<?>[n];
        for (int i = 0; i < n; i++) {
          list[i] = mapped(op.input(next++));
        }
        b.addInputList(list);
      } else if (stateless && arg.getName().equals("seed")) {
        b.addInput(freshSeed);
        next++;
      } else {
        b.addInput(mapped(op.input(next++)));
      }
    }
    for (GraphOperation control : op.controlInputs()) {
      b.addControlInput(needsCopy(control) ? copies.get(control.name()) : control);
    }
    for (OpDef.AttrDef attr : def.getAttrList()) {
      String name = attr.getName();
      AttrValue value = op.attributes().getAttrValueProto(name);
      if (stateful && name.equals("seed")) {
        value = AttrValue.newBuilder().setI(seed.seed()).build();
      } else if (stateful && name.equals("seed2")) {
        value = AttrValue.newBuilder().setI(seed.seed2()).build();
      }
      b.setAttr(name, value);
    }
    if (stateful || stateless) {
      redrawn.add(op.name());
    }
    return b.build();
  }

  /** A new {@code [2]} seed tensor, of the dtype of {@code op}'s {@code seed} input, keyed by the random step. */
  @SuppressWarnings("unchecked")
  private Output<?> freshStatelessSeed(GraphOperation op, OpSeed seed) {
    Ops tf = ctx.tf();
    Operand<TInt64> s = ctx.statelessSeed(tf, seed);
    Output<?> original = op.input(seedInputIndex(op));
    if (original.type() == TInt64.class) {
      return s.asOutput();
    }
    return tf.dtypes.cast(s, (Class<TNumber>) (Class<?>) original.type()).asOutput();
  }

  private static int seedInputIndex(GraphOperation op) {
    int index = 0;
    for (OpDef.ArgDef arg : opDef(op.type()).getInputArgList()) {
      if (arg.getName().equals("seed")) {
        return index;
      }
      boolean list = !arg.getNumberAttr().isEmpty() || !arg.getTypeListAttr().isEmpty();
      index += list ? op.inputListLength(arg.getName()) : 1;
    }
    throw new IllegalStateException(op.type() + " has no `seed` input");
  }

  private Output<?> mapped(Output<?> in) {
    if (isReplaced.apply(in)) {
      return lookup.apply(in);
    }
    GraphOperation op = (GraphOperation) in.op();
    return needsCopy(op) ? copies.get(op.name()).output(in.index()) : in;
  }

  /** Whether a copy of {@code op} must draw anew: a stateful or a stateless random op. */
  static boolean isRandom(GraphOperation op) {
    return isStatefulRandom(op) || isStatelessRandom(op);
  }

  /**
   * Stateless random ops keyed by a {@code seed} input ({@code StatelessRandomNormal}, {@code
   * StatelessRandomGetKeyCounterAlg}, {@code StatelessMultinomial}, ...): their draws are a function
   * of the seed, so a copy gets a new seed tensor.
   */
  static boolean isStatelessRandom(GraphOperation op) {
    if (!op.type().startsWith("Stateless")) {
      return false;
    }
    for (OpDef.ArgDef a : opDef(op.type()).getInputArgList()) {
      if (a.getName().equals("seed")) {
        return true;
      }
    }
    return false;
  }

  /** Stateful ops with a {@code seed2} attribute: TensorFlow's seeded random ops. */
  static boolean isStatefulRandom(GraphOperation op) {
    OpDef def = opDef(op.type());
    if (!def.getIsStateful()) {
      return false;
    }
    for (OpDef.AttrDef a : def.getAttrList()) {
      if (a.getName().equals("seed2")) {
        return true;
      }
    }
    return false;
  }

  private static synchronized OpDef opDef(String type) {
    if (opDefs == null) {
      Map<String, OpDef> m = new HashMap<>();
      for (OpDef d : TensorFlow.registeredOpList().getOpList()) {
        m.put(d.getName(), d);
      }
      opDefs = m;
    }
    OpDef def = opDefs.get(type);
    if (def == null) {
      throw new IllegalArgumentException("cannot copy an op of type " + type + ": TensorFlow has no definition for it");
    }
    return def;
  }
}
