package org.edward4j.spark;

import java.util.Map;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.core.layers.Activation;
import org.edward4j.core.layers.DenseOptions;
import org.edward4j.core.layers.Layers;
import org.edward4j.core.optimizers.Adam;
import org.edward4j.inferences.GANInference;
import org.edward4j.inferences.GanOptions;
import org.edward4j.models.Normal;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The project's GAN known-answer model as a Spark model function: data N(4, 0.5), generator
 * {@code x = a + softplus(s) eps}, discriminator dense(16, relu) -> dense(1), Adam(5e-3, beta1 0.5)
 * on both sides, trained through {@link InferenceReplica}.
 *
 * @param batchSize draws per minibatch
 */
record GaussianGanModel(int batchSize) implements ModelFunction {

  @Override
  public TrainingReplica build(ModelContext ctx) {
    Operand<TFloat32> xPh = ctx.placeholder(TFloat32.class, Shape.of(batchSize, 1));
    VariableScope gen = ctx.scope("Gen");
    Variable<TFloat32> a = gen.getVariable("a", Shape.scalar(), Initializers.zeros());
    Variable<TFloat32> s = gen.getVariable("s", Shape.scalar(), Initializers.zeros());
    Normal x = Normal.builder(gen).loc(a).scale(gen.tf().math.softplus(s)).sampleShape(batchSize, 1).build();
    GANInference inference = new GANInference(Map.of(x, xPh), GaussianGanModel::discriminator);
    inference.initialize(GanOptions.builder()
        .nIter(1).nPrint(0)
        .optimizer(Adam.builder().learningRate(5e-3).beta1(0.5).build())
        .optimizerD(Adam.builder().learningRate(5e-3).beta1(0.5).build())
        .build());
    return InferenceReplica.of(inference, xPh);
  }

  private static Operand<TFloat32> discriminator(VariableScope scope, Operand<TFloat32> x) {
    Operand<TFloat32> h = Layers.dense(scope, x, 16, DenseOptions.builder().activation(Activation.relu()).build());
    return Layers.dense(scope, h, 1);
  }
}
