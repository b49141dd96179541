// A tour of random variables: build, sample, score and print them.
//   bin/jshell examples/jshell/tour.jsh

ModelContext ctx = ModelContext.withSeed(7);
VariableScope model = ctx.scope("model");

// A random variable is its sample: it prints its distribution, shapes and scope.
Normal z = Normal.builder(model).loc(0.0).scale(1.0).sampleShape(3).build();
System.out.println(z);
System.out.println("z = " + ctx.eval(z));

// Densities and moments are graph ops; evaluating copies them into Java.
Operand<TFloat32> points = ctx.tf().constant(new float[] {-1f, 0f, 1f});
System.out.println("log p(-1, 0, 1) = " + ctx.eval(z.logProb(points)));
System.out.println("mean = " + ctx.eval(z.mean()) + ", stddev = " + ctx.eval(z.stddev()));

// Batches of variables broadcast their parameters.
Bernoulli<TInt32> coins = Bernoulli.builder(model).probs(ctx.tf().constant(new float[] {0.1f, 0.5f, 0.9f})).build();
System.out.println(coins);
System.out.println("coins = " + ctx.eval(coins) + ", entropy = " + ctx.eval(coins.entropy()));

// Closed-form KL divergence between two normals.
Normal q = Normal.of(model, 1.0, 2.0);
Normal p = Normal.of(model, 0.0, 1.0);
System.out.println("KL(q || p) = " + ctx.eval(q.klDivergence(p).orElseThrow()));

// Variables live in scopes, with TF1's get_variable semantics.
Variable<TFloat32> w = ctx.scope("Gen").getVariable("w", Shape.of(2, 2), Initializers.constant(0.5));
System.out.println(w + " = " + ctx.eval(w));
System.out.println(ctx);
ctx.close();
/exit
