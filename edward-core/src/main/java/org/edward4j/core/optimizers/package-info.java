/**
 * Optimizers over TensorFlow's raw resource training ops ({@code ResourceApplyAdam}, ...), each
 * updating only the variables it is given: {@link org.edward4j.core.optimizers.Adam}, {@link
 * org.edward4j.core.optimizers.GradientDescent}, {@link org.edward4j.core.optimizers.Momentum},
 * {@link org.edward4j.core.optimizers.RmsProp}, {@link org.edward4j.core.optimizers.Adagrad} and
 * {@link org.edward4j.core.optimizers.Adadelta}, with learning-rate schedules ({@link
 * org.edward4j.core.optimizers.LearningRate}), the global step ({@link
 * org.edward4j.core.optimizers.GlobalStep}) and Edward's names ({@link
 * org.edward4j.core.optimizers.Optimizers#byName}).
 *
 * <p>Slot variables (Adam's moments, momentum accumulators, ...) are non-trainable and live under
 * the optimizer's own scope, {@code Adam/Disc/dense/kernel/m}, so a generator's and a
 * discriminator's optimizer coexist in one graph and no {@code Gen} or {@code Disc} filter sees
 * them.
 */
package org.edward4j.core.optimizers;
