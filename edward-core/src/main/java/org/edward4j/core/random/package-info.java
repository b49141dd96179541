/**
 * The {@link org.edward4j.core.random.RandomVariable} contract: a distribution plus its sampled
 * value in the graph. Distributions implement it in {@code edward-models}; inferences consume it.
 */
package org.edward4j.core.random;
