package org.edward4j.examples;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGINT (Ctrl-C) and SIGTERM during a training example: the JVM's shutdown hook asks the training
 * loop to stop, waits while the loop saves a final checkpoint and unwinds (closing its graph and
 * session), then lets the JVM exit. Outside a training loop the hook does not wait, so a signal
 * during a download or a measurement ends the program at once, as usual.
 *
 * <p>{@link #none()} is a signal that never comes, for tests and embedded use; {@link
 * #requestStop()} stands in for the operating system's signal in tests.
 */
public final class ShutdownSignal {

  /** How long the hook waits for the loop to save and unwind before the JVM exits anyway. */
  private static final long GRACE_SECONDS = 120;

  private final CountDownLatch released = new CountDownLatch(1);
  private volatile boolean stopRequested;
  private volatile boolean training;

  private ShutdownSignal() {}

  /**
   * A signal connected to the JVM's shutdown: SIGINT and SIGTERM request a stop.
   *
   * @return the signal
   */
  static ShutdownSignal install() {
    ShutdownSignal signal = new ShutdownSignal();
    Runtime.getRuntime().addShutdownHook(new Thread(signal::onShutdown, "edward4j-graceful-stop"));
    return signal;
  }

  /**
   * A signal that comes only through {@link #requestStop()}.
   *
   * @return the signal
   */
  static ShutdownSignal none() {
    return new ShutdownSignal();
  }

  /** Asks the training loop to save and stop at the end of its current iteration. */
  public void requestStop() {
    stopRequested = true;
  }

  /** Whether a stop was requested. */
  public boolean stopRequested() {
    return stopRequested;
  }

  /** Marks the start and end of a training loop that checks {@link #stopRequested()} each iteration. */
  public void training(boolean active) {
    training = active;
  }

  /** Whether a training loop is running (between its resume and its final save). */
  public boolean training() {
    return training;
  }

  /** Called by {@link Main} when the command has returned: the hook may let the JVM exit. */
  void release() {
    released.countDown();
  }

  private void onShutdown() {
    stopRequested = true;
    if (!training) {
      return;
    }
    try {
      released.await(GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
