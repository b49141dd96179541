package org.edward4j.core.summaries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edward4j.core.ModelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

class EventWriterTest {

  @Test
  void scalarsAndHistogramsAreReadBackFromTheEventFile(@TempDir Path dir) throws IOException {
    try (ModelContext ctx = ModelContext.withSeed(1)) {
      Ops tf = ctx.tf();
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      EventWriter events = EventWriter.create(ctx, dir);
      events.scalar("loss", x);
      events.histogram("outputs", tf.constant(new float[] {1, 2, 3, 4}));
      for (int step = 1; step <= 3; step++) {
        try (TFloat32 xv = TFloat32.scalarOf(step * 0.5f); TInt64 s = TInt64.scalarOf(step)) {
          ctx.run(events.addTo(ctx.session().runner().feed(x, xv), s)).close();
        }
      }
      events.close();
      events.close();
    }
    List<EventFiles.Value> values = EventFiles.read(dir);
    List<EventFiles.Value> losses = values.stream().filter(v -> v.tag().equals("loss")).toList();
    assertEquals(3, losses.size(), values.toString());
    for (int i = 0; i < 3; i++) {
      assertEquals(i + 1, losses.get(i).step());
      assertEquals((i + 1) * 0.5, losses.get(i).scalar(), 1e-6);
    }
    List<EventFiles.Value> hist = values.stream().filter(v -> v.tag().equals("outputs")).toList();
    assertEquals(3, hist.size());
    assertEquals(4.0, hist.get(0).histogramCount());
  }

  @Test
  void corruptEventFileIsReported(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("events.out.tfevents.1.x"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13});
    IOException e = assertThrows(IOException.class, () -> EventFiles.read(dir));
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
  }
}
