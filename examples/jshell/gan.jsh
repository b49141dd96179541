// Edward's GAN tutorial (http://edwardlib.org/tutorials/gan), line by line, in JShell.
//   bin/jshell examples/jshell/gan.jsh                      15,000 iterations, pictures in out/jshell-gan
//   bin/jshell -R-Diterations=2000 examples/jshell/gan.jsh  a shorter run
//   -R-Dbinarize=false -R-Dshuffle=true                     grey levels, reshuffled every epoch
// The data are served as the tutorial's generator(x_train, M) serves them: in file order,
// each batch binarized afresh with a Bernoulli draw per pixel (np.random.binomial(1, batch)).

int M = 128;   // batch size during training
int d = 100;   // latent dimension
int nIter = Integer.getInteger("iterations", 15000);
int nPrint = Integer.getInteger("print", 1000);
Path out = Path.of(System.getProperty("out", "out/jshell-gan"));

// DATA. MNIST batches are fed at training time.
// -R-Dmnist.dir=DIR reads the four files from DIR as they are, without fetching or checking them.
String mnistDir = System.getProperty("mnist.dir");
Mnist mnist = mnistDir == null ? Mnist.load() : Mnist.read(Path.of(mnistDir));
ModelContext ctx = ModelContext.withSeed(Long.getLong("seed", 42));
ContextPlaceholder<TFloat32> xPh = ctx.placeholder("x_ph", TFloat32.class, Shape.of(M, 784));

// MODEL
Operand<TFloat32> generativeNetwork(VariableScope scope, Operand<TFloat32> eps) {
  Operand<TFloat32> net = Layers.dense(scope, eps, 128, DenseOptions.builder().activation(Activation.relu()).build());
  return Layers.dense(scope, net, 784, DenseOptions.builder().activation(Activation.sigmoid()).build());
}
VariableScope gen = ctx.scope("Gen");
Uniform eps = Uniform.builder(gen).low(-1.0).high(1.0).sampleShape(M, d).build();
Operand<TFloat32> x = generativeNetwork(gen, eps);

// INFERENCE
Operand<TFloat32> discriminativeNetwork(VariableScope scope, Operand<TFloat32> x) {
  Operand<TFloat32> net = Layers.dense(scope, x, 128, DenseOptions.builder().activation(Activation.relu()).build());
  return Layers.dense(scope, net, 1);
}
GANInference inference = new GANInference(Map.of(x, xPh), (scope, in) -> discriminativeNetwork(scope, in));
inference.initialize(GanOptions.builder()
    .optimizer(Adam.builder().build()).optimizerD(Adam.builder().build())
    .nIter(nIter).nPrint(nPrint).build());

// Pictures: 16 fixed members of the batch, every nPrint iterations.
int[] idx = new java.util.Random(42).ints(16, 0, M).toArray();
void plot(float[] samples, Path file) throws java.io.IOException {
  float[] chosen = new float[16 * 784];
  for (int i = 0; i < 16; i++) System.arraycopy(samples, idx[i] * 784, chosen, i * 784, 784);
  ImageGrid.of(chosen, 28, 28).rows(4).cols(4).scale(2).build().writePng(file);
}

Minibatches.Builder batchBuilder = Minibatches.over(mnist.train(), M);
if (Boolean.parseBoolean(System.getProperty("binarize", "true"))) batchBuilder.binarization(Binarization.stochastic(42));
if (Boolean.parseBoolean(System.getProperty("shuffle", "false"))) batchBuilder.shuffleEachEpoch(42);
Minibatches batches = batchBuilder.build();
float[] xBatch = batches.newImageBuffer();
int picture = 0;
for (int t = 0; t < inference.nIter(); t++) {
  if (t % nPrint == 0) plot(ctx.eval(x).data(), out.resolve(String.format("%03d.png", picture++)));
  batches.next(xBatch);
  UpdateInfo info = inference.update(Map.of(xPh, xBatch));
  inference.printProgress(info);
}
inference.finish();
plot(ctx.eval(x).data(), out.resolve("final.png"));
System.out.println("pictures in " + out.toAbsolutePath());
ctx.close();
/exit
