package org.edward4j.criticisms.quality;

/**
 * A fake classifier that is a fixed function, so metrics have answers computable by hand: images
 * of {@code K} pixels, {@code p(y | x) = softmax(sharpness * x)}, and the features are the pixels.
 */
final class FixedClassifier implements ImageClassifier {

  private final int k;
  private final double sharpness;

  FixedClassifier(int k, double sharpness) {
    this.k = k;
    this.sharpness = sharpness;
  }

  @Override
  public int pixelsPerImage() {
    return k;
  }

  @Override
  public int numClasses() {
    return k;
  }

  @Override
  public int featureSize() {
    return k;
  }

  @Override
  public ClassifierOutputs classify(float[] pixels) {
    int n = ImageClassifier.checkImages(this, pixels, "pixels");
    float[] logProbs = new float[n * k];
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, sharpness * pixels[i * k + j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += Math.exp(sharpness * pixels[i * k + j] - max);
      }
      for (int j = 0; j < k; j++) {
        logProbs[i * k + j] = (float) (sharpness * pixels[i * k + j] - max - Math.log(sum));
      }
    }
    return new ClassifierOutputs(n, k, k, logProbs, pixels.clone());
  }
}
