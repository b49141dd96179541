package org.edward4j.core.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgbarTest {

  private static final long SECOND = 1_000_000_000L;
  private static final String NL = System.lineSeparator();

  private final AtomicLong now = new AtomicLong(0);
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private Progbar.Builder bar(long target, Progbar.Mode mode) {
    return Progbar.builder(target).mode(mode).output(out).clock(now::get).width(10).barChar('#');
  }

  private String written() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void liveModeRedrawsOneLineAndEndsItAtTheTarget() {
    Progbar bar = bar(100, Progbar.Mode.LIVE).interval(Duration.ofSeconds(1)).build();
    now.set(2 * SECOND);
    bar.update(20, Map.of("Loss", 1.5));
    now.set(2 * SECOND + SECOND / 2);
    bar.update(30, Map.of("Loss", 1.25)); // within the interval: not drawn
    now.set(4 * SECOND);
    bar.update(40);
    now.set(10 * SECOND);
    bar.update(100);
    String[] frames = written().split("\r", -1);
    assertEquals("", frames[0]);
    assertEquals(" 20/100 [ 20%] ##         ETA: 8s | 10.0 it/s | Loss: 1.500", frames[1]);
    // The value from the skipped update is kept; the ETA is 4 s per 40 iterations times 60.
    assertEquals(" 40/100 [ 40%] ####       ETA: 6s | 10.0 it/s | Loss: 1.250", frames[2]);
    assertEquals("100/100 [100%] ########## Elapsed: 10s | 10.0 it/s | Loss: 1.250" + NL, frames[3]);
    assertEquals(4, frames.length);
  }

  @Test
  void liveModePadsOverALongerPreviousLine() {
    Progbar bar = bar(10, Progbar.Mode.LIVE).interval(Duration.ZERO).build();
    now.set(SECOND);
    Map<String, Double> many = new LinkedHashMap<>();
    many.put("Loss", 1234567.0);
    bar.update(1, many);
    String first = written().substring(1);
    bytes.reset();
    now.set(2 * SECOND);
    bar.update(2, Map.of("Loss", 1.0));
    String second = written().substring(1);
    assertEquals(first.length(), second.length(), "a shorter line is padded to erase the old one");
    assertTrue(second.startsWith(" 2/10 [ 20%] ##"), second);
  }

  @Test
  void linesModePrintsFullLinesAtMostEveryInterval() {
    Progbar bar = bar(1000, Progbar.Mode.LINES).interval(Duration.ofSeconds(10)).build();
    for (int t = 1; t <= 1000; t++) {
      now.addAndGet(SECOND / 20); // 20 it/s, 50 s in all
      bar.update(t, Map.of("Loss", 1000.0 / t));
    }
    String[] lines = written().split(NL);
    // The first update, one line per 10 s (200 iterations), and the target.
    assertEquals(6, lines.length, written());
    assertEquals("   1/1000 [  0%]            ETA: 49s | 20.0 it/s | Loss: 1000.000", lines[0]);
    assertEquals(" 201/1000 [ 20%] ##         ETA: 39s | 20.0 it/s | Loss: 4.975", lines[1]);
    assertEquals("1000/1000 [100%] ########## Elapsed: 50s | 20.0 it/s | Loss: 1.000", lines[5]);
    assertTrue(written().endsWith(NL));
    assertTrue(!written().contains("\r"));
  }

  @Test
  void forcedUpdatesPrintAndLaterUpdatesAfterTheTargetAreIgnored() {
    Progbar bar = bar(4, Progbar.Mode.LINES).build();
    bar.update(1);
    bar.update(2, Map.of(), true);
    bar.update(4);
    bar.update(5);
    assertEquals(3, written().split(NL).length);
  }

  @Test
  void aResumedBarMeasuresRateAndTimeLeftFromItsOwnIterations() {
    Progbar bar = bar(300, Progbar.Mode.LINES).build();
    now.set(5 * SECOND);
    bar.resumeFrom(140);
    now.set(15 * SECOND);
    bar.update(150, Map.of(), true);
    // 10 iterations in 10 s since the resume: 1 it/s and 150 s left, not 150 / 15 s.
    assertEquals("150/300 [ 50%] #####      ETA: 2m30s | 1.0 it/s", written().split(NL)[0]);
    assertThrows(IllegalArgumentException.class, () -> bar.resumeFrom(301));
  }

  @Test
  void silentModeWritesNothingAndAutoIsLinesOffTheConsole() {
    bar(10, Progbar.Mode.SILENT).build().update(10);
    assertEquals("", written());
    assertEquals(Progbar.Mode.LINES, Progbar.builder(10).output(out).build().mode());
  }

  @Test
  void argumentsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> Progbar.builder(0));
    assertThrows(IllegalArgumentException.class, () -> Progbar.builder(10).width(0));
    assertThrows(IllegalArgumentException.class, () -> bar(10, Progbar.Mode.LINES).build().update(-1));
    assertEquals("Progbar(target=10, mode=LINES, interval=PT10S)", bar(10, Progbar.Mode.LINES).build().toString());
    assertEquals("59s", Progbar.duration(59.9));
    assertEquals("1m05s", Progbar.duration(65));
    assertEquals("2h03m", Progbar.duration(2 * 3600 + 3 * 60 + 7));
  }
}
