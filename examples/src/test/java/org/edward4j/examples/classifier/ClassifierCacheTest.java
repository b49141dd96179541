package org.edward4j.examples.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.edward4j.datasets.MnistSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierCacheTest {

  @TempDir Path dir;

  @Test
  void weightsRoundTripThroughTheCheckpoint() throws IOException {
    float[] images = SyntheticDigits.split("s", 5, 1).firstImages(5);
    try (MnistConvNet a = MnistConvNet.create(1); MnistConvNet b = MnistConvNet.create(2)) {
      float[] fromA = a.classify(images).logProbs();
      assertFalse(Arrays.equals(fromA, b.classify(images).logProbs()), "different seeds differ");
      ClassifierCheckpoint.save(a, Map.of("note", "x=y"), dir);
      Map<String, String> meta = ClassifierCheckpoint.restore(b, dir);
      assertEquals("x=y", meta.get("note"));
      assertArrayEquals(fromA, b.classify(images).logProbs());
      assertTrue(Files.isDirectory(dir.resolve(ClassifierCheckpoint.CHECKPOINTS)), "a TensorFlow checkpoint directory");
    }
  }

  @Test
  void aDamagedCheckpointIsReportedAsAnIoError() throws IOException {
    try (MnistConvNet a = MnistConvNet.create(1)) {
      ClassifierCheckpoint.save(a, Map.of(), dir);
      try (Stream<Path> files = Files.list(dir.resolve(ClassifierCheckpoint.CHECKPOINTS))) {
        for (Path f : files.filter(f -> f.getFileName().toString().contains(".data-")).toList()) {
          byte[] bytes = Files.readAllBytes(f);
          bytes[bytes.length / 2] ^= 0x10;
          Files.write(f, bytes);
        }
      }
      IOException e = assertThrows(IOException.class, () -> ClassifierCheckpoint.restore(a, dir));
      assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
      Files.delete(dir.resolve(ClassifierCheckpoint.METADATA));
      assertThrows(IOException.class, () -> ClassifierCheckpoint.restore(a, dir));
    }
  }

  @Test
  void trainsOnceThenLoadsTheSavedNetwork() throws IOException {
    MnistSplit train = SyntheticDigits.split("train", 400, 3);
    MnistSplit test = SyntheticDigits.split("test", 100, 4);
    ClassifierTraining quick = ClassifierTraining.builder().epochs(1).batchSize(50).build();
    assertTrue(ClassifierCache.load(dir).isEmpty());
    float[] images = test.firstImages(10);
    float[] trained;
    try (MnistConvNet net = ClassifierCache.loadOrTrain(dir, train, test, quick, null)) {
      trained = net.classify(images).logProbs();
    }
    assertTrue(Files.isRegularFile(dir.resolve(ClassifierCheckpoint.METADATA)));
    assertTrue(ClassifierCache.testAccuracy(dir).isPresent());
    assertEquals(MnistConvNet.ARCHITECTURE, ClassifierCache.metadata(dir).orElseThrow().get("architecture"));
    // A second call must load, not train: training with a batch larger than the data would throw,
    // so success with the same outputs shows the file was used.
    ClassifierTraining failing = ClassifierTraining.builder().epochs(1).batchSize(10_000).build();
    try (MnistConvNet net = ClassifierCache.loadOrTrain(dir, train, test, failing, null)) {
      assertArrayEquals(trained, net.classify(images).logProbs());
    }
  }

  @Test
  void aClassifierOfAnotherArchitectureIsRefused() throws IOException {
    try (MnistConvNet a = MnistConvNet.create(1)) {
      ClassifierCheckpoint.save(a, Map.of("architecture", "mlp"), dir);
    }
    IOException e = assertThrows(IOException.class, () -> ClassifierCache.load(dir));
    assertTrue(e.getMessage().contains("mlp"), e.getMessage());
  }
}
