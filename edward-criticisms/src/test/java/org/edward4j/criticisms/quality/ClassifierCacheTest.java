package org.edward4j.criticisms.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.edward4j.datasets.MnistSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierCacheTest {

  @TempDir Path dir;

  @Test
  void weightsRoundTripThroughTheFile() throws IOException {
    float[] images = SyntheticDigits.split("s", 5, 1).firstImages(5);
    Path file = dir.resolve("w.bin");
    try (MnistConvNet a = MnistConvNet.create(1); MnistConvNet b = MnistConvNet.create(2)) {
      float[] fromA = a.classify(images).logProbs();
      assertFalse(java.util.Arrays.equals(fromA, b.classify(images).logProbs()), "different seeds differ");
      WeightFile.save(a.context(), a.weights(), Map.of("note", "x=y"), file);
      Map<String, String> meta = WeightFile.restore(b.context(), b.weights(), file);
      assertEquals("x=y", meta.get("note"));
      assertArrayEquals(fromA, b.classify(images).logProbs());
    }
  }

  @Test
  void aCorruptFileIsDetected() throws IOException {
    Path file = dir.resolve("w.bin");
    try (MnistConvNet a = MnistConvNet.create(1)) {
      WeightFile.save(a.context(), a.weights(), Map.of(), file);
      byte[] bytes = Files.readAllBytes(file);
      bytes[bytes.length / 2] ^= 0x10;
      Files.write(file, bytes);
      IOException e = assertThrows(IOException.class, () -> WeightFile.restore(a.context(), a.weights(), file));
      assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
      Files.write(file, "not weights".getBytes());
      e = assertThrows(IOException.class, () -> WeightFile.restore(a.context(), a.weights(), file));
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
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
    assertTrue(Files.isRegularFile(dir.resolve(ClassifierCache.WEIGHTS)));
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
  void aFileForAnotherArchitectureIsRefused() throws IOException {
    try (MnistConvNet a = MnistConvNet.create(1)) {
      WeightFile.save(a.context(), a.weights(), Map.of("architecture", "mlp"), dir.resolve(ClassifierCache.WEIGHTS));
    }
    IOException e = assertThrows(IOException.class, () -> ClassifierCache.load(dir));
    assertTrue(e.getMessage().contains("mlp"), e.getMessage());
  }
}
