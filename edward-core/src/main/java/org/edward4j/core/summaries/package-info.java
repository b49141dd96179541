/**
 * TensorBoard logging: event files written with TensorFlow's summary ops and read back.
 */
package org.edward4j.core.summaries;
