/**
 * Edward's tensor functions ({@code edward/util/tensorflow.py}) as graph-building functions:
 * {@link org.edward4j.models.math.LinearAlgebra#dot}, {@link org.edward4j.models.math.Kernels#rbf}
 * and {@link org.edward4j.models.math.StickBreaking#toSimplex}, and {@link
 * org.edward4j.models.math.ControlVariates#coefficient} ({@code get_control_variate_coef}). Each takes the {@code Ops} to build
 * with first, checks shapes and dtypes in Java (errors name the argument), and keeps Edward's
 * run-time checks (finite inputs, positive kernel parameters).
 */
package org.edward4j.models.math;
