package org.edward4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.TaskContext;
import org.edward4j.core.ModelContext;

/**
 * A model function that lets a test kill the JVM of one running task: once the file {@code armed}
 * exists in {@code dir}, the first task to build the model writes its process id to {@code pid}
 * and waits there, mid-round, for the test to kill its executor. Every other build, including
 * Spark's retry of the killed task, is the wrapped model's. Coordination goes through files, so
 * the test and the executors need only share a disk (one machine).
 *
 * @param model the model trained
 * @param dir the directory of {@code armed} and {@code pid}
 */
record KillOnceModel(ModelFunction model, String dir) implements ModelFunction {

  @Override
  public TrainingReplica build(ModelContext ctx) {
    Path armed = Path.of(dir, "armed");
    if (TaskContext.get() != null && Files.exists(armed)) {
      try {
        Files.writeString(Path.of(dir, "pid"), String.valueOf(ProcessHandle.current().pid()), StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        Thread.sleep(300_000); // the test kills this JVM long before
        throw new IllegalStateException("task " + TaskContext.get().taskAttemptId() + " was not killed");
      } catch (FileAlreadyExistsException e) {
        // another task was chosen: train normally
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting to be killed", e);
      }
    }
    return model.build(ctx);
  }
}
