/**
 * Variables with TF1 {@code get_variable} semantics: the {@link
 * org.edward4j.core.variables.VariableStore}, resource {@link
 * org.edward4j.core.variables.Variable}s, graph collections, initializers and regularizers.
 */
package org.edward4j.core.variables;
