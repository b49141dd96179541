/**
 * Edward's Monte Carlo example scripts as {@code bin/edward} commands: each {@code XxxExample}
 * builds the model as Edward's {@code examples/xxx.py} does (random variables composed with ops),
 * runs the same sampler ({@code HMC}, {@code MetropolisHastings}, {@code SGLD}, {@code SGHMC}) at
 * the same size, prints the figure Edward's script prints, and writes its pictures and a JSON
 * report under {@code --out}; {@code XxxCommand} holds and checks the flags.
 *
 * <p>Beside Edward's figures every command prints the Monte Carlo error that says how far they may
 * be from the truth ({@link org.edward4j.examples.montecarlo.ChainDraws}: effective sample size,
 * {@code sd / sqrt(ESS)}), and the exact answer where the model has one.
 */
package org.edward4j.examples.montecarlo;
