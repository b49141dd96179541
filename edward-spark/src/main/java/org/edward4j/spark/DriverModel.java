package org.edward4j.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.checkpoints.CheckpointReader;
import org.edward4j.core.checkpoints.Checkpoints;
import org.edward4j.core.checkpoints.Saver;

/**
 * The driver's own copy of the model: it gives the initial values and the reference layout, and
 * turns each round's averaged arrays into a TensorFlow checkpoint (assign, then save with the
 * core {@link Saver}), from which a restarted job resumes.
 */
final class DriverModel implements AutoCloseable {

  /** The checkpoint metadata key holding the number of rounds done. */
  static final String ROUND_KEY = "averaging_round";

  private final ModelContext ctx;
  private final TrainingReplica replica;
  private final ParameterLayout layout;
  private final VariableAssigner assigner;
  private final Saver saver;
  private final Path checkpoints;

  DriverModel(ModelFunction model, AveragingOptions options) {
    ModelContext c = ModelContext.withSeed(options.seed());
    try {
      synchronized (GraphBuilds.LOCK) {
        this.replica = model.build(c);
      }
      this.ctx = c;
      this.layout = ParameterLayout.of(replica, options.averageOptimizerState());
      List<Variable<?>> vars = new ArrayList<>(replica.parameters());
      if (options.averageOptimizerState()) {
        vars.addAll(replica.optimizerState());
      }
      this.assigner = new VariableAssigner(c, vars);
      this.checkpoints = options.checkpoints().orElse(null);
      this.saver = checkpoints == null ? null : Saver.builder(c).maxToKeep(options.maxCheckpoints()).build();
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  ParameterLayout layout() {
    return layout;
  }

  /** The latest checkpoint's values and round if there is one, else the freshly initialized values. */
  ParameterState initialState() {
    if (saver != null) {
      Optional<Path> latest = Checkpoints.latest(checkpoints);
      if (latest.isPresent()) {
        CheckpointReader restored = saver.restore(latest.get());
        Long round = restored.metadata().get(ROUND_KEY);
        if (round == null) {
          throw new IllegalStateException("checkpoint " + restored.prefix() + " has no `" + ROUND_KEY
              + "`: it was not written by ParameterAveraging; give an empty or a ParameterAveraging checkpoint directory");
        }
        return new ParameterState(layout, assigner.read(), round);
      }
    }
    return new ParameterState(layout, assigner.read(), 0);
  }

  /** Writes the state into the driver's variables and saves checkpoint {@code ckpt-<round>}. */
  Optional<Path> checkpoint(ParameterState state) {
    if (saver == null) {
      return Optional.empty();
    }
    assigner.write(state.arrays());
    return Optional.of(saver.save(checkpoints, state.round(), Map.of(ROUND_KEY, state.round())));
  }

  @Override
  public void close() {
    try {
      replica.close();
    } finally {
      ctx.close();
    }
  }
}
