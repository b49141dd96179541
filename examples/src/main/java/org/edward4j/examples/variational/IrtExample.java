package org.edward4j.examples.variational;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.criticisms.quality.QualityReport;
import org.edward4j.inferences.KLqp;
import org.edward4j.inferences.KLqpOptions;
import org.edward4j.inferences.UpdateInfo;
import org.edward4j.models.Bernoulli;
import org.edward4j.models.Normal;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Edward's {@code examples/irt.py}: a Bayesian item response theory mixed-effects model {@code y ~ 1
 * + (1 | student) + (1 | question)} with Bernoulli outcomes, fitted with KLqp and mean-field
 * Normal approximations of the intercepts and of the log-variances of the two random effects.
 *
 * <p>Edward's script scatters the true against the estimated student and question intercepts every
 * {@code n_print} iterations; this port prints Pearson's correlation of each pair (the scatter's
 * tightness) at the same moments and at the end. Data as in Edward: student effects {@code N(0,
 * 1)}, question effects {@code N(0, 1.5)}, each observation a uniformly drawn (student, question)
 * pair with {@code y ~ Bernoulli(sigmoid(eta_s + eta_q))}.
 *
 * <p>{@code bin/edward irt [--students 50000] [--questions 2000] [--observations 200000]
 * [--iterations 50] [--print 2]}
 */
public final class IrtExample {

  private IrtExample() {}

  /**
   * The script's settings.
   *
   * @param students Edward's {@code n_students} (50000)
   * @param questions Edward's {@code n_questions} (2000)
   * @param observations Edward's {@code n_obs} (200000)
   * @param iterations KLqp iterations (Edward: 50)
   * @param print iterations between printed figures (Edward: 2)
   * @param seed the seed of the data and of the graph
   */
  public record Settings(int students, int questions, int observations, int iterations, int print, long seed) {
    /**
     * Checks every value.
     *
     * @param students see the record's description
     * @param questions see the record's description
     * @param observations see the record's description
     * @param iterations see the record's description
     * @param print see the record's description
     * @param seed see the record's description
     * @throws IllegalArgumentException naming the setting, the rule and the value
     */
    public Settings {
      Checks.positive("students", students);
      Checks.positive("questions", questions);
      Checks.positive("observations", observations);
      Checks.positive("iterations", iterations);
      Checks.positive("print", print);
    }
  }

  /**
   * The figures.
   *
   * @param studentCorrelation correlation of true and estimated student intercepts
   * @param questionCorrelation correlation of true and estimated question intercepts
   * @param finalLoss the last iteration's loss
   * @param seconds wall time of the fit
   */
  public record Result(double studentCorrelation, double questionCorrelation, double finalLoss, double seconds) {}

  /**
   * Simulates the data, fits q, prints the correlations every {@code print} iterations.
   *
   * @param s the settings
   * @param out where to print
   * @return the figures at the end
   */
  public static Result run(Settings s, PrintStream out) {
    ToyDraws draws = new ToyDraws(s.seed());
    double[] trueStudents = new double[s.students()];
    double[] trueQuestions = new double[s.questions()];
    for (int i = 0; i < trueStudents.length; i++) {
      trueStudents[i] = draws.normal(0, 1.0);
    }
    for (int i = 0; i < trueQuestions.length; i++) {
      trueQuestions[i] = draws.normal(0, 1.5);
    }
    int[] studentIds = new int[s.observations()];
    int[] questionIds = new int[s.observations()];
    int[] outcomes = new int[s.observations()];
    for (int i = 0; i < s.observations(); i++) {
      studentIds[i] = draws.choice(s.students());
      questionIds[i] = draws.choice(s.questions());
      double logit = trueStudents[studentIds[i]] + trueQuestions[questionIds[i]];
      outcomes[i] = draws.bernoulli(1 / (1 + Math.exp(-logit)));
    }
    long start = System.nanoTime();
    try (ModelContext ctx = ModelContext.withSeed(s.seed())) {
      VariableScope model = ctx.scope("model");
      Ops tf = model.tf();
      Normal lnvarStudents = Normal.builder(model).loc(0.0).scale(1.0).name("lnvar_students").build();
      Normal lnvarQuestions = Normal.builder(model).loc(0.0).scale(1.0).name("lnvar_questions").build();
      Operand<TFloat32> sigmaStudents = tf.math.sqrt(tf.math.exp(lnvarStudents));
      Operand<TFloat32> sigmaQuestions = tf.math.sqrt(tf.math.exp(lnvarQuestions));
      Normal overallMu = MeanFieldNormal.standard(model, Shape.of(1), "overall_mu");
      Normal studentEtas = Normal.builder(model).loc(tf.constant(0f)).scale(sigmaStudents).sampleShape(s.students())
          .name("student_etas").build();
      Normal questionEtas = Normal.builder(model).loc(tf.constant(0f)).scale(sigmaQuestions).sampleShape(s.questions())
          .name("question_etas").build();
      Operand<TFloat32> logodds = tf.math.add(tf.math.add(
          tf.gather(studentEtas, tf.constant(studentIds), tf.constant(0)),
          tf.gather(questionEtas, tf.constant(questionIds), tf.constant(0))), overallMu);
      Bernoulli<TInt32> y = Bernoulli.ofLogits(model, logodds);

      Normal qStudents = MeanFieldNormal.of(ctx, "qstudents", Shape.of(s.students()));
      Normal qQuestions = MeanFieldNormal.of(ctx, "qquestions", Shape.of(s.questions()));
      Normal qLnvarStudents = MeanFieldNormal.of(ctx, "qlnvarstudents", Shape.scalar());
      Normal qLnvarQuestions = MeanFieldNormal.of(ctx, "qlnvarquestions", Shape.scalar());
      Normal qMu = MeanFieldNormal.of(ctx, "qmu", Shape.of(1));
      Map<Operand<?>, Operand<?>> latentVars = new LinkedHashMap<>();
      latentVars.put(overallMu, qMu);
      latentVars.put(lnvarStudents, qLnvarStudents);
      latentVars.put(lnvarQuestions, qLnvarQuestions);
      latentVars.put(studentEtas, qStudents);
      latentVars.put(questionEtas, qQuestions);
      Operand<TFloat32> qStudentsMean = qStudents.mean();
      Operand<TFloat32> qQuestionsMean = qQuestions.mean();
      try (KLqp inference = new KLqp(latentVars, Map.of(y, tf.constant(outcomes)))) {
        inference.initialize(KLqpOptions.builder().nIter(s.iterations()).nPrint(s.print()).progressOutput(out).build());
        double loss = Double.NaN;
        double[] correlations = new double[2];
        for (int t = 0; t < s.iterations(); t++) {
          UpdateInfo info = inference.update();
          inference.printProgress(info);
          loss = info.loss();
          if (t % s.print() == 0 || t == s.iterations() - 1) {
            var means = ctx.evalAll(java.util.List.of(qStudentsMean, qQuestionsMean), Map.of());
            correlations[0] = Figures.correlation(trueStudents, Figures.toDoubles(means.get(0).data()));
            correlations[1] = Figures.correlation(trueQuestions, Figures.toDoubles(means.get(1).data()));
            out.printf(Locale.ROOT, "iteration %d: correlation of true and estimated intercepts: students %.4f, questions %.4f%n",
                t + 1, correlations[0], correlations[1]);
          }
        }
        return new Result(correlations[0], correlations[1], loss, (System.nanoTime() - start) / 1e9);
      }
    }
  }

  /**
   * The figures as a report for docs/RESULTS.md.
   *
   * @param s the settings
   * @param r the result
   * @return the report
   */
  public static QualityReport report(Settings s, Result r) {
    return QualityReport.builder("irt")
        .setting("command", String.format(Locale.ROOT,
            "bin/edward irt --students %d --questions %d --observations %d --iterations %d --seed %d",
            s.students(), s.questions(), s.observations(), s.iterations(), s.seed()))
        .setting("students", s.students()).setting("questions", s.questions()).setting("observations", s.observations())
        .setting("iterations", s.iterations()).setting("seed", s.seed()).setting("train_seconds", r.seconds())
        .metric("student_correlation", r.studentCorrelation(), "Pearson r of true and estimated student intercepts")
        .metric("question_correlation", r.questionCorrelation(), "Pearson r of true and estimated question intercepts")
        .metric("loss", r.finalLoss(), "negative ELBO at the last iteration")
        .build();
  }
}
