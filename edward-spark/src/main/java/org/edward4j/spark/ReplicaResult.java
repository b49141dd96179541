package org.edward4j.spark;

import java.io.Serializable;
import java.util.Map;

/**
 * What one task hands back: its variables after k updates, its summed losses and where its time
 * went (reading its partition, building the graph and session, training, writing and reading the
 * variables).
 */
record ReplicaResult(
    float[][] values, long updates, Map<String, Double> lossSums, long dataNanos, long buildNanos, long trainNanos, long transferNanos)
    implements Serializable {}
