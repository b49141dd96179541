package org.edward4j.inferences;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edward4j.core.Feeds;
import org.edward4j.core.ModelContext;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Finds the first op that produced a NaN or an infinity, after a {@code debug} check tripped: the
 * ops the checked tensor depends on are visited in topological order and their floating-point
 * outputs fetched with the failed update's feeds and random step, so the same values come back. The
 * first op with a non-finite output is the origin: its inputs came earlier in the order and were
 * finite (or not floating point).
 *
 * <p>This costs nothing until a check trips: the happy path runs only the checks. Runs are made in
 * chunks of {@value #CHUNK} outputs to bound the memory of the fetched values; fed placeholders are
 * read through an identity built at the first trip ("both fed and fetched" forbids fetching them).
 * Loops are not entered: a while loop's {@code Exit} is checked as one op.
 */
final class NonFiniteOrigin {

  static final int CHUNK = 256;

  private static final Set<String> LEAVES = Set.of("Placeholder", "PlaceholderWithDefault", "Const", "VarHandleOp", "Exit");

  private final ModelContext ctx;
  private final Map<String, Output<?>> probes = new HashMap<>();

  NonFiniteOrigin(ModelContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Describes the first op whose output was not finite when {@code target} was computed again.
   *
   * @param target the tensor whose check tripped
   * @param feeds the failed update's feeds, still open
   * @param randomStep the random step the failed update ran with
   * @return e.g. {@code "op model/log_prob/Log (Log)"}, or a sentence saying none was found
   */
  String find(Output<?> target, Feeds feeds, long randomStep) {
    List<Output<?>> outputs = new ArrayList<>();
    for (GraphOperation op : topologicalOrder((GraphOperation) target.op())) {
      for (int i = 0; i < op.numOutputs(); i++) {
        Output<?> o = op.output(i);
        DataType t = o.dataType();
        if (t == DataType.DT_FLOAT || t == DataType.DT_DOUBLE) {
          outputs.add(o);
        }
      }
    }
    long after = ctx.randomStep();
    try {
      for (int from = 0; from < outputs.size(); from += CHUNK) {
        List<Output<?>> chunk = outputs.subList(from, Math.min(outputs.size(), from + CHUNK));
        ctx.setRandomStep(randomStep);
        Session.Runner runner = feeds.feed(ctx.session().runner());
        chunk.forEach(o -> runner.fetch(fetchable(o)));
        try (Result r = ctx.run(runner)) {
          for (int i = 0; i < chunk.size(); i++) {
            if (!allFinite(r.get(i))) {
              return describe(chunk.get(i));
            }
          }
        }
      }
    } catch (RuntimeException e) {
      // the search must never hide the check that tripped: say why it stopped instead
      return "an op not found (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")";
    } finally {
      ctx.setRandomStep(after);
    }
    return "no op gave a non-finite value when the step was computed again";
  }

  private static String describe(Output<?> o) {
    GraphOperation op = (GraphOperation) o.op();
    String where = "op " + op.name() + " (" + op.type() + (op.numOutputs() > 1 ? ", output " + o.index() : "") + ")";
    if (op.type().equals("ReadVariableOp")) {
      return where + ": variable " + op.input(0).op().name() + " already holds NaN or Inf";
    }
    if (op.type().startsWith("Placeholder")) {
      return where + ": the value fed to it holds NaN or Inf";
    }
    return where;
  }

  /** The output itself, or for a placeholder an identity of it (a fed tensor cannot be fetched). */
  private Output<?> fetchable(Output<?> o) {
    if (!o.op().type().equals("Placeholder")) {
      return o;
    }
    return probes.computeIfAbsent(o.op().name() + ":" + o.index(), k -> {
      Ops tf = ctx.opsAt("edward4j_nonfinite_probe");
      @SuppressWarnings("unchecked")
      Operand<TFloat32> in = (Operand<TFloat32>) (Operand<?>) o;
      return tf.identity(in).asOutput();
    });
  }

  private static boolean allFinite(org.tensorflow.Tensor t) {
    if (t instanceof TFloat32 f) {
      float[] v = new float[Math.toIntExact(f.shape().size())];
      f.asRawTensor().data().asFloats().read(v);
      for (float x : v) {
        if (!Float.isFinite(x)) {
          return false;
        }
      }
    } else if (t instanceof TFloat64 d) {
      double[] v = new double[Math.toIntExact(d.shape().size())];
      d.asRawTensor().data().asDoubles().read(v);
      for (double x : v) {
        if (!Double.isFinite(x)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The data ancestors of {@code root} and {@code root}, each after its inputs; iterative. */
  private static List<GraphOperation> topologicalOrder(GraphOperation root) {
    List<GraphOperation> order = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<GraphOperation> stack = new ArrayDeque<>();
    Deque<Integer> next = new ArrayDeque<>();
    stack.push(root);
    next.push(0);
    seen.add(root.name());
    while (!stack.isEmpty()) {
      GraphOperation op = stack.peek();
      int i = next.pop();
      int inputs = LEAVES.contains(op.type()) ? 0 : op.numInputs();
      if (i < inputs) {
        next.push(i + 1);
        GraphOperation in = (GraphOperation) op.input(i).op();
        if (seen.add(in.name())) {
          stack.push(in);
          next.push(0);
        }
      } else {
        order.add(stack.pop());
      }
    }
    return order;
  }
}
