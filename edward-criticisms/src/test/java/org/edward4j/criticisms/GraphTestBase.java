package org.edward4j.criticisms;

import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.tensorflow.op.Ops;

/**
 * A fresh graph and session per test (TF Java's {@code TestSession}): a context with the seed the
 * test class fixes, a scope {@code model} to build the model in, and that context's ops.
 */
abstract class GraphTestBase {

  private final long seed;

  ModelContext ctx;
  VariableScope scope;
  Ops tf;

  /** Each class keeps its own seed: its Monte Carlo tolerances were set on those draws. */
  GraphTestBase(long seed) {
    this.seed = seed;
  }

  @BeforeEach
  void openContext() {
    ctx = ModelContext.withSeed(seed);
    scope = ctx.scope("model");
    tf = ctx.tf();
  }

  @AfterEach
  void closeContext() {
    ctx.close();
  }
}
