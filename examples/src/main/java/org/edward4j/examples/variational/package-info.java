/**
 * Ports of Edward's variational example scripts ({@code examples/*.py} in blei-lab/edward), one
 * {@code bin/edward} command each: an {@code XxxExample} builds the model as Edward's script does,
 * fits it with {@code KLqp} or {@code MAP}, prints the figure the script prints and returns it as
 * a record; an {@code XxxCommand} checks the flags and writes the figures as a {@code
 * QualityReport} JSON under {@code --out}. Toy data sets are simulated in Java from the seed
 * ({@code ToyDraws}), as the scripts simulate them in NumPy.
 */
package org.edward4j.examples.variational;
