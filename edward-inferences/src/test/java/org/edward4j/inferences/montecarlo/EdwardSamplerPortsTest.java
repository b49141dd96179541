package org.edward4j.inferences.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.edward4j.core.Initializers;
import org.edward4j.core.ModelContext;
import org.edward4j.core.VariableScope;
import org.edward4j.inferences.MonteCarloOptions;
import org.edward4j.models.Empirical;
import org.edward4j.models.Normal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Edward's {@code test_metropolishastings.py}, {@code test_sgld.py} and {@code test_sghmc.py},
 * wired as Edward wires them: the normal-normal model in the dict form (2000 draws started at 1)
 * and the list form (10,000 draws), linear regression in the dict form, with Edward's step sizes
 * and tolerances ({@code rtol = atol = 0.1} for normal-normal, 0.5 for regression); then {@code t},
 * {@code n_accept} and {@code reset}.
 */
class EdwardSamplerPortsTest {

  private ModelContext ctx;
  private VariableScope scope;
  private Ops tf;

  @BeforeEach
  void open() {
    ctx = ModelContext.withSeed(42);
    scope = ctx.scope("model");
    tf = ctx.tf();
  }

  @AfterEach
  void close() {
    ctx.close();
  }

  private float eval(Operand<TFloat32> x) {
    return ctx.eval(x).data()[0];
  }

  /** Runs, checks Edward's normal-normal assertions and the counters, then resets. */
  private void checkNormalNormal(MonteCarlo<?> inference, Runnable run, Empirical qmu, long expectedT) {
    run.run();
    assertEquals(0.0, eval(qmu.mean()), 0.1);
    double sd = EdwardTestModels.NormalNormal.POSTERIOR_SD;
    assertEquals(sd, eval(qmu.stddev()), 0.1 + 0.1 * sd);
    SampleStore store = inference.sampleStore();
    assertEquals(expectedT, ctx.eval(store.t()).longs()[0]);
    assertTrue(ctx.eval(store.nAccept()).longs()[0] > 0);
    inference.reset();
    assertEquals(0, ctx.eval(store.t()).longs()[0]);
    assertEquals(0, ctx.eval(store.nAccept()).longs()[0]);
  }

  private void normalNormal(boolean listForm, BiFunction<EdwardTestModels.NormalNormal, Object, MonteCarlo<?>> make,
      java.util.function.Consumer<MonteCarlo<?>> run) {
    EdwardTestModels.NormalNormal m = EdwardTestModels.normalNormal(scope, tf);
    Object latents = listForm ? List.of(m.mu())
        : Map.of(m.mu(), Empirical.of(scope, scope.getVariable("qmu", Shape.of(2000), Initializers.ones())));
    MonteCarlo<?> inference = make.apply(m, latents);
    checkNormalNormal(inference, () -> run.accept(inference), inference.posterior(m.mu()), listForm ? 10_000 : 2000);
  }

  @SuppressWarnings("unchecked")
  private static Map<Operand<?>, Operand<?>> asMap(Object o) {
    return (Map<Operand<?>, Operand<?>>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Operand<?>> asList(Object o) {
    return (List<Operand<?>>) o;
  }

  // --- Metropolis-Hastings: proposal {mu: mu}, an independence proposal from the prior.

  private MetropolisHastings mh(EdwardTestModels.NormalNormal m, Object latents) {
    Map<Operand<?>, Operand<?>> proposal = Map.of(m.mu(), m.mu());
    return latents instanceof List ? new MetropolisHastings(asList(latents), proposal, Map.of(m.x(), m.xData()))
        : new MetropolisHastings(asMap(latents), proposal, Map.of(m.x(), m.xData()));
  }

  @Test
  void metropolisHastingsNormalNormalDict() {
    normalNormal(false, this::mh, i -> ((MetropolisHastings) i).run(MonteCarloOptions.builder().nPrint(0).build()));
  }

  @Test
  void metropolisHastingsNormalNormalList() {
    normalNormal(true, this::mh, i -> ((MetropolisHastings) i).run(MonteCarloOptions.builder().nPrint(0).build()));
  }

  @Test
  void metropolisHastingsLinearRegression() {
    EdwardTestModels.LinearRegression m = EdwardTestModels.linearRegression(scope, tf, 8);
    int d = EdwardTestModels.LinearRegression.D;
    Normal proposalW = Normal.builder(scope).loc(m.w()).scale(tf.fill(tf.constant(new int[] {d}), tf.constant(0.5f))).build();
    Normal proposalB = Normal.builder(scope).loc(m.b()).scale(tf.fill(tf.constant(new int[] {1}), tf.constant(0.5f))).build();
    Empirical qw = Empirical.of(scope, scope.getVariable("qw", Shape.of(2000, d), Initializers.zeros()));
    Empirical qb = Empirical.of(scope, scope.getVariable("qb", Shape.of(2000, 1), Initializers.zeros()));
    MetropolisHastings inference = new MetropolisHastings(Map.of(m.w(), qw, m.b(), qb),
        Map.of(m.w(), proposalW, m.b(), proposalB), Map.of(m.y(), m.yData()));
    inference.run(MonteCarloOptions.builder().nPrint(0).build());
    HmcInferenceTest.assertCloseToEdward(m, ctx.eval(qw.mean()).data(), eval(qb.mean()));
    assertTrue(ctx.eval(inference.sampleStore().nAccept()).longs()[0] > 0);
  }

  // --- SGLD: step size 0.10 for normal-normal, 0.001 for regression.

  private SGLD sgld(EdwardTestModels.NormalNormal m, Object latents) {
    return latents instanceof List ? new SGLD(asList(latents), Map.of(m.x(), m.xData()))
        : new SGLD(asMap(latents), Map.of(m.x(), m.xData()));
  }

  @Test
  void sgldNormalNormalDict() {
    normalNormal(false, this::sgld, i -> ((SGLD) i).run(SgldOptions.builder().stepSize(0.10).nPrint(0).build()));
  }

  @Test
  void sgldNormalNormalList() {
    normalNormal(true, this::sgld, i -> ((SGLD) i).run(SgldOptions.builder().stepSize(0.10).nPrint(0).build()));
  }

  @Test
  void sgldLinearRegression() {
    EdwardTestModels.LinearRegression m = EdwardTestModels.linearRegression(scope, tf, 9);
    int d = EdwardTestModels.LinearRegression.D;
    Empirical qw = Empirical.of(scope, scope.getVariable("qw", Shape.of(2000, d), Initializers.zeros()));
    Empirical qb = Empirical.of(scope, scope.getVariable("qb", Shape.of(2000, 1), Initializers.zeros()));
    SGLD inference = new SGLD(Map.of(m.w(), qw, m.b(), qb), Map.of(m.y(), m.yData()));
    inference.run(SgldOptions.builder().stepSize(0.001).nPrint(0).build());
    HmcInferenceTest.assertCloseToEdward(m, ctx.eval(qw.mean()).data(), eval(qb.mean()));
  }

  // --- SGHMC: step size 0.025 for normal-normal, 0.0001 for regression.

  private SGHMC sghmc(EdwardTestModels.NormalNormal m, Object latents) {
    return latents instanceof List ? new SGHMC(asList(latents), Map.of(m.x(), m.xData()))
        : new SGHMC(asMap(latents), Map.of(m.x(), m.xData()));
  }

  @Test
  void sghmcNormalNormalDict() {
    normalNormal(false, this::sghmc, i -> ((SGHMC) i).run(SghmcOptions.builder().stepSize(0.025).nPrint(0).build()));
  }

  @Test
  void sghmcNormalNormalList() {
    normalNormal(true, this::sghmc, i -> ((SGHMC) i).run(SghmcOptions.builder().stepSize(0.025).nPrint(0).build()));
  }

  @Test
  void sghmcLinearRegression() {
    EdwardTestModels.LinearRegression m = EdwardTestModels.linearRegression(scope, tf, 10);
    int d = EdwardTestModels.LinearRegression.D;
    Empirical qw = Empirical.of(scope, scope.getVariable("qw", Shape.of(2000, d), Initializers.zeros()));
    Empirical qb = Empirical.of(scope, scope.getVariable("qb", Shape.of(2000, 1), Initializers.zeros()));
    SGHMC inference = new SGHMC(Map.of(m.w(), qw, m.b(), qb), Map.of(m.y(), m.yData()));
    inference.run(SghmcOptions.builder().stepSize(0.0001).nPrint(0).build());
    HmcInferenceTest.assertCloseToEdward(m, ctx.eval(qw.mean()).data(), eval(qb.mean()));
  }

  // --- ReplicaExchangeMC: Edward 1.3.5's defaults, proposal {mu: mu} as for Metropolis-Hastings.

  private ReplicaExchangeMC rex(EdwardTestModels.NormalNormal m, Object latents) {
    Map<Operand<?>, Operand<?>> proposal = Map.of(m.mu(), m.mu());
    return latents instanceof List ? new ReplicaExchangeMC(asList(latents), proposal, Map.of(m.x(), m.xData()))
        : new ReplicaExchangeMC(asMap(latents), proposal, Map.of(m.x(), m.xData()));
  }

  @Test
  void replicaExchangeNormalNormalDict() {
    normalNormal(false, this::rex, i -> ((ReplicaExchangeMC) i).run(ReplicaExchangeOptions.builder().nPrint(0).build()));
  }

  @Test
  void replicaExchangeNormalNormalList() {
    normalNormal(true, this::rex, i -> ((ReplicaExchangeMC) i).run(ReplicaExchangeOptions.builder().nPrint(0).build()));
  }

  @Test
  void replicaExchangeLinearRegression() {
    EdwardTestModels.LinearRegression m = EdwardTestModels.linearRegression(scope, tf, 11);
    int d = EdwardTestModels.LinearRegression.D;
    Normal proposalW = Normal.builder(scope).loc(m.w()).scale(tf.fill(tf.constant(new int[] {d}), tf.constant(0.5f))).build();
    Normal proposalB = Normal.builder(scope).loc(m.b()).scale(tf.fill(tf.constant(new int[] {1}), tf.constant(0.5f))).build();
    Empirical qw = Empirical.of(scope, scope.getVariable("qw", Shape.of(2000, d), Initializers.zeros()));
    Empirical qb = Empirical.of(scope, scope.getVariable("qb", Shape.of(2000, 1), Initializers.zeros()));
    ReplicaExchangeMC inference = new ReplicaExchangeMC(Map.of(m.w(), qw, m.b(), qb),
        Map.of(m.w(), proposalW, m.b(), proposalB), Map.of(m.y(), m.yData()));
    inference.run(ReplicaExchangeOptions.builder().nPrint(0).build());
    HmcInferenceTest.assertCloseToEdward(m, ctx.eval(qw.mean()).data(), eval(qb.mean()));
    assertTrue(ctx.eval(inference.sampleStore().nAccept()).longs()[0] > 0);
  }
}
