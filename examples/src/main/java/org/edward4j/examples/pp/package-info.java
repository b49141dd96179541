/**
 * Ports of Edward's probabilistic-programming demos ({@code examples/pp_*.py}): random variables
 * inside while loops and conditionals, persistent randomness, dynamic shapes. Each demo says in its
 * Javadoc what TensorFlow Java 1.1.0 allows and where the port differs from Edward's script.
 */
package org.edward4j.examples.pp;
