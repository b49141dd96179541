package org.edward4j.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;

/**
 * One partition's work in one round: build the model in a fresh context, check its variables
 * against the driver's layout, load the broadcast values, make k updates on the partition's
 * minibatches, read the variables back, and close everything.
 *
 * <p>A context per task, not one cached per executor JVM: Spark does not keep a partition on the
 * same executor, a JVM runs several tasks at once (local[2] is one JVM with two task threads),
 * and a cached native session has no point at which it is closed. A task that owns its context
 * is a pure function of the broadcast state, its partition and the seed, so Spark's retry of a
 * failed task recomputes exactly the same result, and nothing native outlives it. The cost is one
 * graph build per task and round, reported as build time, and amortized by k.
 */
final class ReplicaTask implements Function2<Integer, Iterator<float[]>, Iterator<ReplicaResult>> {

  private static final long serialVersionUID = 1L;

  private final ModelFunction model;
  private final Broadcast<ParameterState> state;
  private final ParameterLayout layout;
  private final RoundPlan plan;

  ReplicaTask(ModelFunction model, Broadcast<ParameterState> state, ParameterLayout layout, RoundPlan plan) {
    this.model = model;
    this.state = state;
    this.layout = layout;
    this.plan = plan;
  }

  @Override
  public Iterator<ReplicaResult> call(Integer partition, Iterator<float[]> rows) {
    long start = System.nanoTime();
    List<float[]> examples = new ArrayList<>();
    rows.forEachRemaining(examples::add);
    if (examples.size() < plan.batchSize()) {
      throw new IllegalStateException("partition " + partition + " has " + examples.size()
          + " examples, fewer than one batch of " + plan.batchSize());
    }
    long seed = plan.seed() + partition;
    PartitionBatches batches = new PartitionBatches(examples, plan.batchSize(), plan.shuffle(), seed);
    long t0 = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(seed)) {
      TrainingReplica replica;
      VariableAssigner assigner;
      synchronized (GraphBuilds.LOCK) {
        replica = model.build(ctx);
      }
      try (replica) {
        ParameterLayout built = ParameterLayout.of(replica, plan.averageOptimizerState());
        List<String> diffs = layout.differencesFrom(built);
        if (!diffs.isEmpty()) {
          throw new ModelMismatchException(partition, diffs);
        }
        assigner = new VariableAssigner(ctx, variables(replica));
        long t1 = System.nanoTime();
        assigner.write(state.value().arrays());
        // Each round draws fresh randomness: the step a single replica would have reached.
        ctx.setRandomStep(plan.round() * (long) plan.updatesPerRound());
        long t2 = System.nanoTime();
        Map<String, Double> lossSums = new LinkedHashMap<>();
        float[] buffer = new float[plan.batchSize() * batches.width()];
        Minibatch batch = new Minibatch(plan.batchSize(), batches.width(), buffer);
        for (int j = 0; j < plan.updatesPerRound(); j++) {
          batches.fill(plan.round() * (long) plan.updatesPerRound() + j, buffer);
          replica.update(batch).forEach((k, v) -> lossSums.merge(k, v, Double::sum));
        }
        long t3 = System.nanoTime();
        float[][] values = assigner.read();
        long t4 = System.nanoTime();
        return List.of(new ReplicaResult(values, plan.updatesPerRound(), lossSums, t0 - start, t1 - t0, t3 - t2,
            (t2 - t1) + (t4 - t3))).iterator();
      }
    }
  }

  /** The variables averaged, in the layout's order. */
  private List<Variable<?>> variables(TrainingReplica replica) {
    List<Variable<?>> vars = new ArrayList<>(replica.parameters());
    if (plan.averageOptimizerState()) {
      vars.addAll(replica.optimizerState());
    }
    return vars;
  }
}
