/**
 * Neural-network layers with TF1 {@code tf.layers} semantics over {@link
 * org.edward4j.core.VariableScope}: {@link org.edward4j.core.layers.Layers#dense}, {@code conv2d},
 * {@code conv2dTranspose}, {@code batchNormalization}, {@code maxPooling2d} and {@code flatten},
 * with {@link org.edward4j.core.layers.Activation}s and option records.
 *
 * <p>Layers are named per scope entry ({@code dense}, {@code dense_1}, ...), so calling a network
 * function once under {@code ctx.scope("Disc")} and again under {@code ctx.scope("Disc",
 * Reuse.REUSE)} shares its weights, as Edward's GAN discriminators do. Shapes are checked before
 * any op is built.
 */
package org.edward4j.core.layers;
