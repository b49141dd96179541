package org.edward4j.examples.variational;

import java.nio.file.Path;
import org.edward4j.datasets.Mnist;
import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward vae-convolutional}: the settings of {@link VaeConvolutionalExample}. */
@Command(name = "vae-convolutional", mixinStandardHelpOptions = true,
    description = "Edward's vae_convolutional.py: a convolutional VAE on binarized MNIST fitted with KLqp; "
        + "the bound on -log p(x) per epoch and a grid of prior samples per epoch.")
public final class VaeConvolutionalCommand extends ExampleCommand {

  @Option(names = "--batch", paramLabel = "M", defaultValue = "128",
      description = "images per update, Edward's M (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--latent", paramLabel = "D", defaultValue = "10",
      description = "latent dimension, Edward's d (default: ${DEFAULT-VALUE})")
  int latent;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "100",
      description = "epochs, Edward's n_epoch (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--iterations-per-epoch", paramLabel = "N", defaultValue = "0",
      description = "updates per epoch; 0 means Edward's 60000 // M (default: ${DEFAULT-VALUE})")
  int iterationsPerEpoch;

  @Option(names = "--learning-rate", paramLabel = "RATE", defaultValue = "0.01",
      description = "Adam's learning rate, epsilon 1.0 as Edward's; Edward's 0.01 diverged to NaN within 80 updates "
          + "at seed 42 here, 0.001 trains steadily (default: ${DEFAULT-VALUE})")
  double learningRate;

  @Mixin OutputOptions output;

  /** Creates the command; picocli sets the fields. */
  public VaeConvolutionalCommand() {}

  @Override
  public Integer call() throws Exception {
    positive("--batch", batch);
    positive("--latent", latent);
    positive("--epochs", epochs);
    nonNegative("--iterations-per-epoch", iterationsPerEpoch);
    positive("--learning-rate", learningRate, false);
    Mnist mnist = Mnist.load();
    if (batch > mnist.train().size()) {
      throw usage("--batch must be at most the " + mnist.train().size() + " training images, got " + batch);
    }
    int perEpoch = iterationsPerEpoch == 0 ? mnist.train().size() / batch : iterationsPerEpoch;
    Path out = output.createOut();
    VaeConvolutionalExample.Settings s =
        new VaeConvolutionalExample.Settings(batch, latent, epochs, perEpoch, learningRate, output.seed());
    VaeConvolutionalExample.Result r = VaeConvolutionalExample.run(s, mnist.train(), out, System.out);
    System.out.println("sample grids in " + out.toAbsolutePath());
    System.out.printf("trained %d epochs in %.0f s; report: %s%n", r.bound().length, r.seconds(),
        out.resolve("vae-convolutional.json").toAbsolutePath());
    return 0;
  }
}
