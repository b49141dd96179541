/**
 * Ports of Edward's variational example scripts, one {@code XxxExample} and one {@code
 * XxxCommand} ({@code bin/edward <script-name>}) per script: {@code iwvi} (importance-weighted VI
 * written as a user's own {@code VariationalInference} subclass, {@link
 * org.edward4j.examples.variational.Iwvi}).
 */
package org.edward4j.examples.variational;
