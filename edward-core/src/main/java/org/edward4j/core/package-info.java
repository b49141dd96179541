/**
 * The model context: one {@link org.edward4j.core.ModelContext} owns a TensorFlow graph, its
 * session and seeds; {@link org.edward4j.core.VariableScope} names and shares variables with TF1
 * {@code variable_scope} semantics ({@code Gen}, {@code Disc}, reuse).
 *
 * <p>Subpackages: {@code variables} (variable store, collections, initializers, regularizers),
 * {@code layers} (dense, convolution, batch normalization), {@code optimizers} (Adam and friends
 * over TensorFlow's raw training ops), {@code progress} (Edward's progress bar), {@code random}
 * (the {@code RandomVariable} contract that models implement and inferences consume), {@code
 * gradients} (gradients TensorFlow's C++ runtime lacks), {@code io} (atomic files), {@code
 * summaries} (TensorBoard event files), {@code copy} (Edward's {@code ed.copy}), {@code
 * checkpoints} (TensorFlow checkpoints, atomic saves, exact resume) and {@code savedmodel}
 * (SavedModel export).
 */
package org.edward4j.core;
