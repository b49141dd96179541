package org.edward4j.models.conjugacy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;

/**
 * How a tensor depends on one random variable's value, read off the ops between them: the
 * structural check behind every conjugate pair (Edward's {@code _linear_types} walk in {@code
 * suff_stat_nodes}).
 *
 * <p>Each element of a tensor classed {@link Kind#INDEX}, {@link Kind#LINEAR} or {@link
 * Kind#AFFINE} depends on at most one element of the value, so the log-likelihood's second
 * derivative is diagonal and the conditional factorizes over the value's elements, as Edward's
 * scalar exponential families do. Sums, matrix products and additions of two terms that both
 * depend on the value would couple elements and are refused with the op that couples them.
 */
final class Dependence {

  /** How a tensor's elements depend on the value, from the strictest class to the loosest. */
  enum Kind {
    /** Not at all. */
    NONE,
    /** A selection of the value's elements (reshape, gather, slice, tile, broadcast, concat). */
    INDEX,
    /** A selection times factors that do not depend on the value: {@code a * z}. */
    LINEAR,
    /** A linear term plus terms that do not depend on the value: {@code a * z + b}. */
    AFFINE;

    Kind atLeast(Kind other) {
      return compareTo(other) >= 0 ? this : other;
    }
  }

  /** Thrown when the value enters through an op outside the classes above; says which and why. */
  static final class Nonlinear extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Nonlinear(String how) {
      super(how, null, false, false);
    }
  }

  /** Ops whose first input is carried element by element; the other inputs are shapes or indices. */
  private static final Set<String> SELECTIONS = Set.of("Identity", "Snapshot", "Reshape", "ExpandDims", "Squeeze",
      "StridedSlice", "Slice", "GatherV2", "Gather", "Tile", "BroadcastTo", "Transpose");

  private final Output<?> value;
  private final Set<String> stops;
  private final Map<String, Kind> memo = new HashMap<>();

  /**
   * @param value the random variable's value tensor
   * @param stops the keys ({@code op:index}) of other random variables' values, where a walk stops
   */
  Dependence(Operand<?> value, Set<String> stops) {
    this.value = value.asOutput();
    this.stops = stops;
  }

  /** The key of a tensor, {@code op:index}. */
  static String key(Output<?> o) {
    return o.op().name() + ":" + o.index();
  }

  /**
   * Classifies {@code x}.
   *
   * @throws Nonlinear naming the op through which the value enters otherwise
   */
  Kind of(Operand<?> x) {
    return classify(x.asOutput());
  }

  private Kind classify(Output<?> o) {
    String k = key(o);
    if (k.equals(key(value))) {
      return Kind.INDEX;
    }
    if (stops.contains(k)) {
      return Kind.NONE;
    }
    Kind known = memo.get(k);
    if (known != null) {
      return known;
    }
    Kind kind = classifyOp((GraphOperation) o.op());
    memo.put(k, kind);
    return kind;
  }

  private Kind classifyOp(GraphOperation op) {
    List<Operand<?>> inputs = op.inputs();
    Kind[] in = new Kind[inputs.size()];
    boolean any = false;
    for (int i = 0; i < in.length; i++) {
      in[i] = classify(inputs.get(i).asOutput());
      any |= in[i] != Kind.NONE;
    }
    if (!any) {
      return Kind.NONE;
    }
    String type = op.type();
    if (SELECTIONS.contains(type)) {
      for (int i = 1; i < in.length; i++) {
        if (in[i] != Kind.NONE) {
          throw new Nonlinear("through the " + (type.startsWith("Gather") ? "indices" : "shape") + " of " + type
              + " (" + op.name() + ")");
        }
      }
      return in[0];
    }
    switch (type) {
      case "ConcatV2":
      case "Pack": {
        int n = type.equals("ConcatV2") ? in.length - 1 : in.length;
        if (type.equals("ConcatV2") && in[n] != Kind.NONE) {
          throw new Nonlinear("through the axis of ConcatV2 (" + op.name() + ")");
        }
        Kind k = Kind.NONE;
        for (int i = 0; i < n; i++) {
          k = k.atLeast(in[i]);
        }
        return k;
      }
      case "Neg":
        return in[0].atLeast(Kind.LINEAR);
      case "Mul":
        if (in[0] != Kind.NONE && in[1] != Kind.NONE) {
          throw new Nonlinear("through Mul (" + op.name() + ") of two factors that both depend on it");
        }
        return in[0].atLeast(in[1]).atLeast(Kind.LINEAR);
      case "RealDiv":
      case "Div":
        if (in[1] != Kind.NONE) {
          throw new Nonlinear("through the denominator of " + type + " (" + op.name() + ")");
        }
        return in[0].atLeast(Kind.LINEAR);
      case "Add":
      case "AddV2":
      case "Sub":
        if (in[0] != Kind.NONE && in[1] != Kind.NONE) {
          throw new Nonlinear("through " + type + " (" + op.name() + ") of two terms that both depend on it"
              + " (elements would be coupled)");
        }
        int other = in[0] == Kind.NONE ? 0 : 1;
        Kind carried = in[1 - other];
        if (type.equals("Sub") && other == 0) {
          carried = carried.atLeast(Kind.LINEAR); // b - z negates z
        }
        return isZeros(inputs.get(other).asOutput()) ? carried : carried.atLeast(Kind.AFFINE);
      default:
        throw new Nonlinear("through " + type + " (" + op.name() + ")");
    }
  }

  /** Whether {@code o} is {@code tf.zeros(shape)} (a Fill of 0) or ZerosLike: adding it only broadcasts. */
  private static boolean isZeros(Output<?> o) {
    GraphOperation op = (GraphOperation) o.op();
    if (op.type().equals("ZerosLike")) {
      return true;
    }
    if (!op.type().equals("Fill")) {
      return false;
    }
    GraphOperation v = (GraphOperation) op.inputs().get(1).op();
    if (!v.type().equals("Const")) {
      return false;
    }
    try (org.tensorflow.Tensor t = v.attributes().getAttrTensor("value")) {
      return t instanceof org.tensorflow.types.TFloat32 f && f.shape().numDimensions() == 0 && f.getFloat() == 0f;
    }
  }
}
