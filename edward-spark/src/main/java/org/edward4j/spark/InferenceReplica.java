package org.edward4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.edward4j.core.Variable;
import org.edward4j.inferences.Inference;
import org.edward4j.inferences.UpdateInfo;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Any initialized edward4j {@link Inference} as a {@link TrainingReplica}: an update feeds the
 * minibatch to one placeholder and runs {@code inference.update}. This is the only class of the
 * module that calls the {@code Inference} API.
 *
 * <p>Parameters are the context's trainable float32 variables; optimizer state is every other
 * float32 variable (slots, beta powers, and also batch normalization's moving statistics, which
 * are therefore averaged only with the optimizer state). The int64 iteration counter is neither:
 * each replica counts its own updates.
 *
 * <pre>{@code
 * ModelFunction gan = ctx -> {
 *   Operand<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(128, 784));
 *   // ... the generator x, then:
 *   GANInference inference = new GANInference(Map.of(x, xPh), discriminator);
 *   inference.initialize(options);
 *   return InferenceReplica.of(inference, xPh);
 * };
 * }</pre>
 */
public final class InferenceReplica implements TrainingReplica {

  private final Inference<?> inference;
  private final Operand<TFloat32> input;
  private final List<Variable<?>> parameters = new ArrayList<>();
  private final List<Variable<?>> optimizerState = new ArrayList<>();
  private boolean closed;

  private InferenceReplica(Inference<?> inference, Operand<TFloat32> input) {
    this.inference = inference;
    this.input = input;
    for (Variable<?> v : inference.context().variables().all()) {
      if (v.dtype() == TFloat32.class) {
        (v.isTrainable() ? parameters : optimizerState).add(v);
      }
    }
  }

  /**
   * Adapts an initialized inference.
   *
   * @param inference an inference whose {@code initialize} has been called
   * @param input the placeholder each minibatch is fed to, of shape {@code [batchSize, width]}
   * @return the replica; closing it finalizes the inference
   */
  public static InferenceReplica of(Inference<?> inference, Operand<TFloat32> input) {
    Objects.requireNonNull(inference, "inference");
    Objects.requireNonNull(input, "input");
    if (inference.options().isEmpty()) {
      throw new IllegalArgumentException("`inference` must be initialized before it is adapted: call initialize(...)");
    }
    return new InferenceReplica(inference, input);
  }

  @Override
  public Map<String, Double> update(Minibatch batch) {
    UpdateInfo info = inference.update(Map.of(input, batch.values()));
    return info.values();
  }

  @Override
  public List<Variable<?>> parameters() {
    return List.copyOf(parameters);
  }

  @Override
  public List<Variable<?>> optimizerState() {
    return List.copyOf(optimizerState);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      inference.finish();
    }
  }

  @Override
  public String toString() {
    return "InferenceReplica(" + inference.getClass().getSimpleName() + ", " + parameters.size() + " parameters, "
        + optimizerState.size() + " optimizer variables)";
  }
}
