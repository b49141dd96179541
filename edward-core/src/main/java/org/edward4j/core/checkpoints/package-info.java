/**
 * Checkpoints in TensorFlow's own format: {@link org.edward4j.core.checkpoints.Saver} (TF1's
 * {@code tf.train.Saver}) writes and restores the V2 tensor bundle ({@code ckpt-N.index} and
 * {@code ckpt-N.data-00000-of-00001}) with the {@code checkpoint} state file, atomically, together
 * with the context's random step so resumed training is exact; {@link
 * org.edward4j.core.checkpoints.Checkpoints} does it in one line; {@link
 * org.edward4j.core.checkpoints.CheckpointReader} lists and reads a checkpoint in Java, checking it
 * before any native call.
 *
 * <p>Failures are {@link org.edward4j.core.checkpoints.CheckpointException}s naming the path:
 * not found, corrupt, or not matching the model (with the missing variables named).
 */
package org.edward4j.core.checkpoints;
