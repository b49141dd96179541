package org.edward4j.core.savedmodel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Reuse;
import org.edward4j.core.Variable;
import org.edward4j.core.checkpoints.CheckpointException;
import org.edward4j.core.checkpoints.Saver;
import org.edward4j.core.io.AtomicFiles;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Exports trained network functions as a TensorFlow SavedModel with named signatures, for serving
 * a GAN's generator (and a BiGAN's encoder) from any TensorFlow runtime: Python's {@code
 * tf.saved_model.load}, TensorFlow Serving, or TensorFlow Java's {@link SavedModelBundle#load}.
 *
 * <p>The functions are rebuilt in a fresh graph that holds only them: each signature's input is a
 * placeholder and its output the function's value, under the scope the weights were trained in, so
 * the trained variables are found by name. Weights come from a checkpoint (every variable the
 * functions create must be in it) or from a live context. Randomness inside a function (a BiGAN
 * encoder's noise) draws at a fixed random step, so the exported function is deterministic and
 * needs no extra input. The model directory is written next to the target and renamed into place,
 * so a failed export leaves any previous one intact.
 *
 * <p>Layout: {@code dir/saved_model.pb} and {@code dir/variables/variables.{index,data-*}}, tag
 * {@code "serve"}.
 *
 * <pre>{@code
 * SavedModelExport.to(Path.of("out/gan/saved_model"))
 *     .weightsFrom(Path.of("out/gan/checkpoints"))
 *     .function(ExportedFunction.of("generate", "Gen", GanExample::generativeNetwork)
 *         .input("z", Shape.of(-1, 100)).output("x"))
 *     .export();
 * try (SavedModelBundle model = SavedModelBundle.load("out/gan/saved_model", "serve");
 *      TFloat32 z = TFloat32.tensorOf(StdArrays.ndCopyOf(new float[1][100])); // the zero code
 *      Result x = model.function("generate").call(Map.<String, Tensor>of("z", z))) {
 *   float pixel = ((TFloat32) x.get("x").orElseThrow()).getFloat(0, 0);
 * }
 * }</pre>
 */
public final class SavedModelExport {

  private final Path target;
  private final Map<String, ExportedFunction> functions = new LinkedHashMap<>();
  private Path checkpoint;
  private ModelContext source;
  private String[] tags = {SavedModelBundle.DEFAULT_TAG};

  private SavedModelExport(Path target) {
    this.target = target.toAbsolutePath().normalize();
  }

  /**
   * Starts an export.
   *
   * @param dir the SavedModel directory to create (replaced if it exists)
   * @return the export, to configure
   */
  public static SavedModelExport to(Path dir) {
    return new SavedModelExport(Objects.requireNonNull(dir, "dir"));
  }

  /**
   * Takes the weights from a checkpoint directory (its latest checkpoint) or prefix.
   *
   * @param dirOrPrefix where the trained model was saved
   * @return this
   */
  public SavedModelExport weightsFrom(Path dirOrPrefix) {
    this.checkpoint = Objects.requireNonNull(dirOrPrefix, "dirOrPrefix");
    this.source = null;
    return this;
  }

  /**
   * Takes the weights from the current values of a live context's variables of the same names.
   *
   * @param trained the context the functions were trained in
   * @return this
   */
  public SavedModelExport weightsFrom(ModelContext trained) {
    this.source = Objects.requireNonNull(trained, "trained");
    this.checkpoint = null;
    return this;
  }

  /**
   * Adds a signature.
   *
   * @param function the function and its input and output names
   * @return this
   * @throws IllegalArgumentException if a signature of that key was already added
   */
  public SavedModelExport function(ExportedFunction function) {
    Objects.requireNonNull(function, "function");
    if (functions.putIfAbsent(function.key(), function) != null) {
      throw new IllegalArgumentException("a signature `" + function.key() + "` was already added");
    }
    return this;
  }

  /**
   * Sets the MetaGraph's tags (default {@code "serve"}).
   *
   * @param tags at least one tag
   * @return this
   */
  public SavedModelExport tags(String... tags) {
    if (tags == null || tags.length == 0 || java.util.Arrays.stream(tags).anyMatch(t -> t == null || t.isBlank())) {
      throw new IllegalArgumentException("`tags` must name at least one non-blank tag");
    }
    this.tags = tags.clone();
    return this;
  }

  /**
   * Writes the SavedModel.
   *
   * @return the SavedModel directory
   * @throws IllegalStateException without functions or weights
   * @throws CheckpointException if the weights' checkpoint is missing, damaged, or lacks a
   *     variable the functions create (named in the message)
   * @throws IOException if the directory cannot be written; a previous export stays intact
   */
  public Path export() throws IOException {
    if (functions.isEmpty()) {
      throw new IllegalStateException("add at least one function to export");
    }
    if (checkpoint == null && source == null) {
      throw new IllegalStateException("say where the weights come from: weightsFrom(checkpointDir) or weightsFrom(context)");
    }
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path staging = parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    Path weights = parent.resolve("." + target.getFileName() + ".weights-" + UUID.randomUUID());
    try (ModelContext ctx = ModelContext.withSeed(0)) {
      Map<String, Operand<TFloat32>[]> ends = build(ctx);
      List<Variable<?>> vars = ctx.variables().all();
      if (vars.isEmpty()) {
        throw new IllegalStateException("the exported functions create no variables; there is nothing trained to export");
      }
      Saver.builder(ctx).build().restore(checkpoint != null ? checkpoint : copyFromSource(vars, weights));
      Path staged = Saver.builder(ctx).build().save(weights.resolve("staged"));
      try (ServingGraph serving = new ServingGraph(ctx.graph().toGraphDef(), vars)) {
        serving.restore(staged);
        SavedModelBundle.Exporter exporter =
            SavedModelBundle.exporter(staging.toString()).withTags(tags).withSession(serving.session());
        for (ExportedFunction f : functions.values()) {
          Operand<TFloat32>[] io = ends.get(f.key());
          exporter.withSignature(Signature.builder().key(f.key()).methodName("tensorflow/serving/predict")
              .input(f.inputName(), serving.graph().output(io[0].op().name()))
              .output(f.outputName(), serving.graph().output(io[1].op().name()))
              .build());
        }
        exporter.export();
      }
      replace(staging, target);
    } finally {
      deleteRecursively(staging);
      deleteRecursively(weights);
    }
    return target;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Operand<TFloat32>[]> build(ModelContext ctx) {
    Map<String, Operand<TFloat32>[]> ends = new LinkedHashMap<>();
    for (ExportedFunction f : functions.values()) {
      Ops io = ctx.tf().withSubScope(f.key());
      Placeholder<TFloat32> in = io.withName(f.inputName()).placeholder(TFloat32.class, Placeholder.shape(f.inputShape()));
      Operand<TFloat32> out = f.network().apply(ctx.scope(f.scope(), Reuse.AUTO_REUSE), in);
      Objects.requireNonNull(out, () -> "function `" + f.key() + "` returned null");
      ends.put(f.key(), new Operand[] {in, io.withName(f.outputName()).identity(out)});
    }
    return ends;
  }

  /** Saves the source context's variables of the exported names into a scratch checkpoint. */
  private Path copyFromSource(List<Variable<?>> exported, Path scratch) {
    List<Variable<?>> matching = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Variable<?> v : exported) {
      source.variables().get(v.name()).ifPresentOrElse(matching::add, () -> missing.add(v.name()));
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the source context lacks variables the exported functions create: " + missing);
    }
    return Saver.builder(source).variables(matching).build().save(scratch.resolve("source"));
  }

  private static void replace(Path staged, Path target) throws IOException {
    Path old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
    boolean hadOld = Files.exists(target);
    if (hadOld) {
      AtomicFiles.moveAtomically(target, old);
    }
    try {
      AtomicFiles.moveAtomically(staged, target);
    } catch (IOException e) {
      if (hadOld) {
        AtomicFiles.moveAtomically(old, target);
      }
      throw e;
    }
    deleteRecursively(old);
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public String toString() {
    return "SavedModelExport(" + target + ", " + functions.values() + ", weights from "
        + (checkpoint != null ? checkpoint : source) + ")";
  }
}
