/**
 * Op names without scanning the graph: {@link org.edward4j.core.naming.GraphScope} is TensorFlow
 * Java's {@code Scope} with TF1's naming ({@code Disc}, {@code Disc_1}, {@code Disc/dense_1}),
 * backed by one name registry per graph, so entering a name scope costs O(1) instead of a pass
 * over every op already built (TF Java's own {@code withSubScope} does that pass, which made graph
 * building quadratic in the op count).
 */
package org.edward4j.core.naming;
