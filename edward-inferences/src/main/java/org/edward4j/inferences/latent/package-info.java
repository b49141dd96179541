/**
 * Searching a trained GAN's latent space: {@link org.edward4j.inferences.latent.LatentGanEstimator}
 * (TF-GAN's latent GAN estimator) finds, for target images, the codes whose generated images match
 * them best, with the generator and discriminator warm-started from a checkpoint and frozen.
 * Objectives are {@link org.edward4j.inferences.latent.LatentLoss}es ({@link
 * org.edward4j.inferences.latent.LatentLosses}: pixel L2 and L1, discriminator realism); settings
 * are {@link org.edward4j.inferences.latent.LatentGanParams}; searches can start from a BiGAN
 * {@link org.edward4j.inferences.latent.Encoder} and restart from several random codes.
 */
package org.edward4j.inferences.latent;
