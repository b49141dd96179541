package org.edward4j.core.savedmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edward4j.core.Variable;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.train.Restore;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

/**
 * The graph a SavedModel is exported from: a copy of the functions' graph in which edward4j's
 * random-step placeholder becomes a {@code PlaceholderWithDefault} of 0 (so no signature needs
 * it), plus the {@code save/} ops for resource variables that TensorFlow Java's exporter and
 * TensorFlow's loader use ({@code save/filename}, {@code save/control_dependency}, {@code
 * save/restore_all}; TensorFlow Java's own saver only knows ref variables).
 */
final class ServingGraph implements AutoCloseable {

  /** The op name of {@code ModelContext}'s random-step placeholder. */
  static final String RANDOM_STEP_OP = "edward4j_random_step";

  private final Graph graph;
  private final Session session;
  private final Placeholder<TString> filename;
  private final Op restoreAll;

  /**
   * Imports a graph and adds its savers.
   *
   * @param graphDef the functions' graph, with the variables' initializers
   * @param variables the variables to save and restore, by name and dtype
   */
  ServingGraph(GraphDef graphDef, List<Variable<?>> variables) {
    graph = new Graph();
    try {
      graph.importGraphDef(withDefaultRandomStep(graphDef));
      Ops tf = Ops.create(graph).withSubScope("save");
      filename = tf.withName("filename").placeholder(TString.class);
      List<String> names = new ArrayList<>();
      List<Operand<?>> values = new ArrayList<>();
      List<Class<? extends TType>> dtypes = new ArrayList<>();
      for (Variable<?> v : variables) {
        Operand<? extends TType> handle = graph.operation(v.name()).output(0);
        names.add(v.name());
        values.add(tf.readVariableOp(handle, v.dtype()));
        dtypes.add(v.dtype());
      }
      Operand<TString> keys = tf.constant(StdArrays.ndCopyOf(names.toArray(new String[0])));
      Operand<TString> slices = tf.constant(StdArrays.ndCopyOf(java.util.Collections.nCopies(names.size(), "").toArray(new String[0])));
      Op save = tf.train.save(filename, keys, slices, values);
      tf.withControlDependencies(List.of(save)).withName("control_dependency").identity(filename);
      Restore restored = tf.train.restore(filename, keys, slices, dtypes);
      List<Op> assigns = new ArrayList<>();
      for (int i = 0; i < variables.size(); i++) {
        assigns.add(tf.assignVariableOp(graph.operation(variables.get(i).name()).output(0), restored.tensors().get(i)));
      }
      restoreAll = tf.withControlDependencies(assigns).withName("restore_all").noOp();
      session = new Session(graph);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** Loads the variables from a checkpoint prefix (after running the imported initializers). */
  void restore(Path prefix) {
    try (TString p = TString.scalarOf(prefix.toString())) {
      session.runner().addTarget(restoreAll).feed(filename, p).run().close();
    }
  }

  Graph graph() {
    return graph;
  }

  Session session() {
    return session;
  }

  /** The graph with the random-step placeholder replaced by a placeholder defaulting to step 0. */
  static GraphDef withDefaultRandomStep(GraphDef graphDef) {
    GraphDef.Builder b = graphDef.toBuilder();
    for (int i = 0; i < b.getNodeCount(); i++) {
      NodeDef node = b.getNode(i);
      if (node.getName().equals(RANDOM_STEP_OP) && node.getOp().equals("Placeholder")) {
        String constName = RANDOM_STEP_OP + "/default";
        TensorProto zero = TensorProto.newBuilder().setDtype(DataType.DT_INT64)
            .setTensorShape(TensorShapeProto.getDefaultInstance()).addInt64Val(0L).build();
        b.setNode(i, NodeDef.newBuilder().setName(RANDOM_STEP_OP).setOp("PlaceholderWithDefault").addInput(constName)
            .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_INT64).build())
            .putAttr("shape", AttrValue.newBuilder().setShape(TensorShapeProto.getDefaultInstance()).build())
            .build());
        b.addNode(NodeDef.newBuilder().setName(constName).setOp("Const")
            .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_INT64).build())
            .putAttr("value", AttrValue.newBuilder().setTensor(zero).build())
            .build());
        break;
      }
    }
    return b.build();
  }

  @Override
  public void close() {
    try {
      if (session != null) {
        session.close();
      }
    } finally {
      graph.close();
    }
  }
}
