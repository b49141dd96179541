/**
 * Ports of Edward's variational example scripts ({@code examples/*.py} that use {@code KLqp},
 * {@code ImplicitKLqp}, {@code MAP} and their kin), one {@code XxxExample} and one {@code
 * XxxCommand} per script, registered in {@code bin/edward} under the script's name with dashes.
 */
package org.edward4j.examples.variational;
