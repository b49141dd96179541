package org.edward4j.examples.variational;

import java.nio.file.Path;
import org.edward4j.examples.ExampleCommand;
import org.edward4j.examples.OutputOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bin/edward irt}: the settings of {@link IrtExample}. */
@Command(name = "irt", mixinStandardHelpOptions = true,
    description = "Edward's irt.py: an item response theory mixed-effects model with KLqp; true vs estimated intercepts.")
public final class IrtCommand extends ExampleCommand {

  @Option(names = "--students", paramLabel = "N", defaultValue = "50000",
      description = "students, Edward's n_students (default: ${DEFAULT-VALUE})")
  int students;

  @Option(names = "--questions", paramLabel = "N", defaultValue = "2000",
      description = "questions, Edward's n_questions (default: ${DEFAULT-VALUE})")
  int questions;

  @Option(names = "--observations", paramLabel = "N", defaultValue = "200000",
      description = "observed answers, Edward's n_obs (default: ${DEFAULT-VALUE})")
  int observations;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "50",
      description = "KLqp iterations, Edward's n_iter (default: ${DEFAULT-VALUE})")
  int iterations;

  @Option(names = "--print", paramLabel = "N", defaultValue = "2",
      description = "iterations between printed correlations, Edward's n_print (default: ${DEFAULT-VALUE})")
  int print;

  @Mixin OutputOptions output;

  /** Creates the command; picocli sets the fields. */
  public IrtCommand() {}

  @Override
  public Integer call() throws Exception {
    positive("--students", students);
    positive("--questions", questions);
    positive("--observations", observations);
    positive("--iterations", iterations);
    positive("--print", print);
    Path out = output.createOut();
    IrtExample.Settings s = new IrtExample.Settings(students, questions, observations, iterations, print, output.seed());
    IrtExample.Result r = IrtExample.run(s, System.out);
    Path json = IrtExample.report(s, r).writeJson(out.resolve("irt.json"));
    System.out.println("report: " + json);
    return 0;
  }
}
