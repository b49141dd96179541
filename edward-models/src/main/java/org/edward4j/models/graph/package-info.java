/**
 * A model's random variables as a directed graphical model, read off the TensorFlow graph:
 * {@link org.edward4j.models.graph.ModelGraph} answers Edward's {@code ed.random_variables}, {@code
 * get_parents}, {@code get_children}, {@code get_ancestors}, {@code get_descendants}, {@code
 * get_siblings}, {@code get_blanket}, {@code get_variables} and {@code is_independent} (d-separation
 * by Bayes-Ball) with one graph walk per query.
 */
package org.edward4j.models.graph;
