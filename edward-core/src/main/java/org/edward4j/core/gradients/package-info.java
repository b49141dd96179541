/**
 * Differentiation support: gradients with respect to resource variables, and gradients TensorFlow's
 * C++ runtime lacks (second derivatives for WGAN-GP, {@code Digamma}).
 */
package org.edward4j.core.gradients;
