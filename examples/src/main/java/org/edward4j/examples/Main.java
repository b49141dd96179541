package org.edward4j.examples;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entry point of {@code bin/edward}: runs one example, benchmark or report by name.
 *
 * <pre>
 * bin/edward gan [--iterations N] [--out DIR] [--seed S]
 * bin/edward &lt;example&gt; --help
 * </pre>
 */
public final class Main {

  /** An example's {@code main}. */
  @FunctionalInterface
  interface Command {
    void run(String[] args) throws Exception;
  }

  private record Entry(String summary, Command command) {}

  private static final Map<String, Entry> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("gan", new Entry("Edward's GAN tutorial on MNIST: 4x4 sample grids every 1,000 iterations", GanExample::main));
    COMMANDS.put("bigan", new Entry("ALI/BiGAN on MNIST: samples and reconstructions x -> E -> G", BiganExample::main));
    COMMANDS.put("dcgan", new Entry("a convolutional GAN (DCGAN, TF-GAN's MNIST networks) on MNIST: sample grids, checkpoints", DcganExample::main));
    COMMANDS.put("wgan", new Entry("WGAN-GP on MNIST (--data mnist) or a 2-D mixture of Gaussians (--data mixture)", WganExample::main));
    COMMANDS.put("sbn", new Entry("sigmoid belief network on binarized MNIST with WakeSleep: fantasy grids, test NLL", SbnExample::main));
    COMMANDS.put("vae", new Entry("Edward's VAE (Normal latents, Bernoulli decoder) with KLqp: sample grids, test NLL", VaeExample::main));
    COMMANDS.put("quality", new Entry("quality of a trained example (gan, wgan: classifier score, Frechet distance; sbn, vae: test NLL) as a table and JSON", QualityCommand::main));
    COMMANDS.put("results", new Entry("render docs/RESULTS.md rows from `quality` JSON reports (--reports A.json,B.json [--update FILE])", ResultsTable::main));
    COMMANDS.put("invert", new Entry("recover MNIST test digits' codes through a trained gan or bigan (latent GAN estimator); PNG and errors", InvertExample::main));
    COMMANDS.put("bench", new Entry("benchmarks: `bench gan` compares GANInference.update with a raw TF Java loop", Main::bench));
  }

  private Main() {}

  /**
   * Runs the command named by the first argument with the rest.
   *
   * @param args the command and its flags
   */
  public static void main(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      System.out.print(usage());
      return;
    }
    Entry entry = COMMANDS.get(args[0]);
    if (entry == null) {
      System.err.print("unknown command `" + args[0] + "`\n" + usage());
      System.exit(2);
    }
    String[] rest = new String[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    try {
      entry.command().run(rest);
    } catch (ExampleArgs.UsageException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println("edward4j " + args[0] + " failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void bench(String[] args) throws Exception {
    if (args.length == 0 || !args[0].equals("gan")) {
      throw new ExampleArgs.UsageException("usage: bin/edward bench gan [--steps N] [--rounds R] [--warmup N] [--seed S]");
    }
    GanBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
  }

  static String usage() {
    StringBuilder sb = new StringBuilder("usage: bin/edward <command> [flags]   (bin/edward <command> --help for its flags)\n\ncommands:\n");
    COMMANDS.forEach((name, e) -> sb.append(String.format("  %-10s %s%n", name, e.summary())));
    return sb.toString();
  }
}
