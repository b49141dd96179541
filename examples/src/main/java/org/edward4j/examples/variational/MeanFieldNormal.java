package org.edward4j.examples.variational;

import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.VariableScope;
import org.edward4j.models.Normal;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The approximation Edward's scripts write by hand for a real latent: {@code Normal(loc=
 * tf.get_variable(name + "/loc", shape), scale=tf.nn.softplus(tf.get_variable(name + "/scale",
 * shape)))}, with {@code tf.get_variable}'s Glorot-uniform initial values.
 */
final class MeanFieldNormal {

  private MeanFieldNormal() {}

  /**
   * {@code q(z) = Normal(loc, softplus(scale))} with both variables under scope {@code name}.
   *
   * @param ctx the model's context
   * @param name the scope, e.g. {@code "qW_0"}, or a path such as {@code "posterior/qW_0"}
   * @param shape the latent's shape
   * @return the approximation
   */
  static Normal of(ModelContext ctx, String name, Shape shape) {
    String[] parts = name.split("/");
    VariableScope scope = ctx.scope(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      scope = scope.child(parts[i]);
    }
    Variable<TFloat32> loc = scope.getVariable("loc", shape);
    Variable<TFloat32> scale = scope.getVariable("scale", shape);
    return Normal.builder(scope).loc(loc).scale(scope.tf().math.softplus(scale)).build();
  }

  /**
   * The standard Normal prior {@code Normal(loc=tf.zeros(shape), scale=tf.ones(shape))}.
   *
   * @param scope the model's scope
   * @param shape the latent's shape
   * @param name the random variable's name
   * @return the prior
   */
  static Normal standard(VariableScope scope, Shape shape, String name) {
    Ops tf = scope.tf();
    return Normal.builder(scope).loc(tf.zeros(tf.constant(shape), TFloat32.class))
        .scale(tf.ones(tf.constant(shape), TFloat32.class)).name(name).build();
  }
}
