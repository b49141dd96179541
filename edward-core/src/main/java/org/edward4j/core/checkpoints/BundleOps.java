package org.edward4j.core.checkpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.train.Restore;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint16;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TType;

/**
 * The graph ops of a {@link Saver}: one {@code SaveV2} over a fixed list of variables (plus int64
 * metadata scalars fed at run time), and one {@code RestoreV2} whose outputs are assigned to the
 * variables' resource handles. The prefix is a placeholder, so one pair of ops serves every save
 * and restore of that list and the graph does not grow with each checkpoint.
 */
final class BundleOps {

  private static final Map<Class<?>, DataType> DATA_TYPES = Map.of(
      TFloat32.class, DataType.DT_FLOAT, TFloat64.class, DataType.DT_DOUBLE, TFloat16.class, DataType.DT_HALF,
      TBfloat16.class, DataType.DT_BFLOAT16, TInt32.class, DataType.DT_INT32, TInt64.class, DataType.DT_INT64,
      TUint8.class, DataType.DT_UINT8, TUint16.class, DataType.DT_UINT16);

  private BundleOps() {}

  /**
   * A save op: feed {@code prefix} and each metadata placeholder, run {@code save}.
   *
   * @param prefix the checkpoint prefix to write
   * @param metadata one int64 scalar placeholder per metadata key, in key order
   * @param save the {@code SaveV2} op
   */
  record Save(Placeholder<TString> prefix, List<Placeholder<TInt64>> metadata, Op save) {}

  /**
   * A restore op: feed {@code prefix}, run {@code restore}.
   *
   * @param prefix the checkpoint prefix to read
   * @param restore a no-op depending on every assignment
   */
  record Load(Placeholder<TString> prefix, Op restore) {}

  /** TensorFlow's dtype enum for a variable's element type. */
  static DataType dataType(Class<?> dtype) {
    DataType t = DATA_TYPES.get(dtype);
    if (t == null) {
      throw new IllegalArgumentException("variables of " + dtype.getSimpleName() + " cannot be checkpointed");
    }
    return t;
  }

  static Save save(ModelContext ctx, List<Variable<?>> vars, List<String> metadataKeys) {
    Ops tf = ctx.opsAt("").withSubScope("edward4j_save");
    Placeholder<TString> prefix = tf.withName("prefix").placeholder(TString.class, Placeholder.shape(Shape.scalar()));
    List<String> names = new ArrayList<>();
    List<Operand<?>> tensors = new ArrayList<>();
    for (Variable<?> v : vars) {
      names.add(v.name());
      tensors.add(v.value());
    }
    List<Placeholder<TInt64>> metadata = new ArrayList<>();
    for (String key : metadataKeys) {
      Placeholder<TInt64> p = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
      metadata.add(p);
      names.add(CheckpointReader.META_SCOPE + "/" + key);
      tensors.add(p);
    }
    Op save = tf.train.save(prefix, strings(tf, names), strings(tf, emptyStrings(names.size())), tensors);
    return new Save(prefix, List.copyOf(metadata), save);
  }

  static Load load(ModelContext ctx, List<Variable<?>> vars) {
    Ops tf = ctx.opsAt("").withSubScope("edward4j_restore");
    Placeholder<TString> prefix = tf.withName("prefix").placeholder(TString.class, Placeholder.shape(Shape.scalar()));
    List<String> names = new ArrayList<>();
    List<Class<? extends TType>> dtypes = new ArrayList<>();
    for (Variable<?> v : vars) {
      names.add(v.name());
      dtypes.add(v.dtype());
    }
    Restore restored = tf.train.restore(prefix, strings(tf, names), strings(tf, emptyStrings(names.size())), dtypes);
    List<Op> assigns = new ArrayList<>();
    for (int i = 0; i < vars.size(); i++) {
      assigns.add(tf.assignVariableOp(vars.get(i).handle(), restored.tensors().get(i)));
    }
    return new Load(prefix, tf.withControlDependencies(assigns).withName("restore_all").noOp());
  }

  private static Operand<TString> strings(Ops tf, List<String> values) {
    return tf.constant(StdArrays.ndCopyOf(values.toArray(new String[0])));
  }

  private static List<String> emptyStrings(int n) {
    return java.util.Collections.nCopies(n, "");
  }
}
