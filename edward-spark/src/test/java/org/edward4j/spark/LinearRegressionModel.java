package org.edward4j.spark;

import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.TensorValue;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.core.optimizers.GradientDescent;
import org.edward4j.core.optimizers.Optimizer;
import org.edward4j.core.optimizers.TrainStep;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Least squares {@code y = x w + b} over rows {@code [x_1 .. x_d, y]}, trained by plain gradient
 * descent or Adam: a convex model with no randomness, so the replicas' arithmetic can be checked
 * exactly. A hand-written {@link TrainingReplica}, the way a user without an {@code Inference}
 * would write one.
 *
 * @param d features per example
 * @param batchSize rows per minibatch
 * @param learningRate the step size
 * @param adam Adam instead of plain gradient descent
 * @param executorExtraFeature on an executor only, build one more feature: a model function that
 *     builds different graphs in different places
 */
record LinearRegressionModel(int d, int batchSize, double learningRate, boolean adam, boolean executorExtraFeature)
    implements ModelFunction {

  static LinearRegressionModel sgd(int d, int batchSize, double learningRate) {
    return new LinearRegressionModel(d, batchSize, learningRate, false, false);
  }

  @Override
  public TrainingReplica build(ModelContext ctx) {
    int features = executorExtraFeature && TaskContext.get() != null ? d + 1 : d;
    Ops tf = ctx.tf();
    Placeholder<TFloat32> rows = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(batchSize, d + 1)));
    Operand<TFloat32> x = tf.slice(rows, tf.constant(new int[] {0, 0}), tf.constant(new int[] {batchSize, d}));
    Operand<TFloat32> y = tf.slice(rows, tf.constant(new int[] {0, d}), tf.constant(new int[] {batchSize, 1}));
    VariableScope scope = ctx.scope("regression");
    Variable<TFloat32> w = scope.getVariable("w", Shape.of(features, 1), Initializers.glorotUniform());
    Variable<TFloat32> b = scope.getVariable("b", Shape.of(1), Initializers.zeros());
    Operand<TFloat32> wUsed = features == d ? w : tf.slice(w, tf.constant(new int[] {0, 0}), tf.constant(new int[] {d, 1}));
    Operand<TFloat32> residual = tf.math.sub(tf.math.add(tf.linalg.matMul(x, wUsed), b), y);
    Operand<TFloat32> loss = tf.math.mean(tf.math.square(residual), tf.constant(new int[] {0, 1}));
    Optimizer optimizer = adam
        ? Adam.builder().learningRate(learningRate).build()
        : GradientDescent.create(learningRate);
    TrainStep step = optimizer.minimize(loss, List.of(w, b));
    return new TrainingReplica() {
      @Override
      public Map<String, Double> update(Minibatch batch) {
        try (TFloat32 fed = TFloat32.tensorOf(Shape.of(batch.size(), batch.width()), DataBuffers.of(batch.values(), true, false));
            Result r = ctx.run(ctx.session().runner().feed(rows, fed).addTarget(step).fetch(loss))) {
          return Map.of("loss", (double) TensorValue.copyOf(r.get(0)).scalar());
        }
      }

      @Override
      public List<Variable<?>> parameters() {
        return List.of(w, b);
      }

      @Override
      public List<Variable<?>> optimizerState() {
        return step.slots();
      }

      @Override
      public void close() {}
    };
  }
}
