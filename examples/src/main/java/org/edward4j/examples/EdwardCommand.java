package org.edward4j.examples;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top of {@code bin/edward}: its subcommands, {@code --verbose}, and the run's stop signal. */
@Command(name = "edward", mixinStandardHelpOptions = true, version = "edward4j 0.1.0",
    description = "Edward's examples on TensorFlow Java: train, measure, invert and benchmark on MNIST.",
    subcommands = {GanCommand.class, DcganCommand.class, BiganCommand.class, WganCommand.class, SbnCommand.class,
        VaeCommand.class, QualityCommand.class, ResultsCommand.class, InvertCommand.class, BenchCommand.class, SparkCommand.class,
        org.edward4j.examples.variational.DirichletCategoricalCommand.class,
        org.edward4j.examples.variational.BayesianNnCommand.class,
        org.edward4j.examples.variational.IrtCommand.class,
        org.edward4j.examples.variational.ProbabilisticMatrixFactorizationCommand.class,
        org.edward4j.examples.variational.CoxProcessCommand.class,
        org.edward4j.examples.variational.StochasticBlockModelCommand.class,
        org.edward4j.examples.variational.ProbabilisticPcaSubsamplingCommand.class,
        org.edward4j.examples.variational.DeepExponentialFamilyCommand.class,
        org.edward4j.examples.pp.PpDirichletProcessCommand.class,
        org.edward4j.examples.pp.PpDynamicShapeCommand.class,
        org.edward4j.examples.pp.PpPersistentRandomnessCommand.class,
        org.edward4j.examples.pp.PpStochasticControlFlowCommand.class,
        org.edward4j.examples.pp.PpStochasticRecursionCommand.class,
        org.edward4j.examples.montecarlo.BetaBernoulliConjugateCommand.class, org.edward4j.examples.montecarlo.MixtureGaussianGibbsCommand.class,
        org.edward4j.examples.montecarlo.NormalCommand.class, org.edward4j.examples.montecarlo.NormalNormalCommand.class,
        org.edward4j.examples.montecarlo.NormalSgldCommand.class, org.edward4j.examples.montecarlo.BetaBernoulliCommand.class,
        org.edward4j.examples.montecarlo.InvgammaNormalMhCommand.class,
        org.edward4j.examples.montecarlo.BayesianLogisticRegressionCommand.class,
        org.edward4j.examples.montecarlo.BayesianLinearRegressionCommand.class, org.edward4j.examples.montecarlo.RaschModelCommand.class,
        org.edward4j.examples.montecarlo.MixtureGaussianMhCommand.class, org.edward4j.examples.montecarlo.EightSchoolsCommand.class,
        org.edward4j.examples.montecarlo.FactorAnalysisCommand.class,
        org.edward4j.examples.variational.IwviCommand.class,
        org.edward4j.examples.variational.BayesianLinearRegressionImplicitKLqpCommand.class,
        org.edward4j.examples.variational.LstmCommand.class,
        org.edward4j.examples.variational.SigmoidBeliefNetworkCommand.class,
        org.edward4j.examples.variational.VaeConvolutionalCommand.class},
    footer = {"", "`bin/edward <command> --help` lists a command's flags.",
        "Shell completion: source <(bin/edward completion)"})
final class EdwardCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "on failure, print the stack trace after the one-line message")
  boolean verbose;

  private final ShutdownSignal signal;

  EdwardCommand(ShutdownSignal signal) {
    this.signal = signal;
  }

  /** The stop signal of this run. */
  ShutdownSignal signal() {
    return signal;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a command: " + String.join(", ", spec.subcommands().keySet()));
  }
}
