package org.edward4j.core.checkpoints;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.edward4j.core.GraphCollections;
import org.edward4j.core.ModelContext;
import org.edward4j.core.Variable;
import org.edward4j.core.io.WritableDirectories;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * Saves and restores a model's variables in TensorFlow's own checkpoint format (tensor bundle
 * V2 plus the {@code checkpoint} state file), TF1's {@code tf.train.Saver}: a checkpoint written
 * here can be read by {@code tf.train.load_checkpoint} in Python, and one written by TensorFlow
 * (unpartitioned variables) can be restored here.
 *
 * <p>It saves every variable of the context, those under one scope, or a given list; optimizer
 * slots and global steps are variables, so saving everything saves the training state. It also
 * saves the context's random step, and a full restore sets it back, so a resumed run draws exactly
 * what an uninterrupted one would; saving does not advance it. Saving is atomic (see {@link
 * CheckpointFiles}): a save that dies leaves the previous checkpoint current and intact. Restoring
 * checks the files in Java first, and names every model variable the checkpoint lacks.
 *
 * <p>The save and restore ops are built once per variable list and reused, so saving every N
 * iterations does not grow the graph. One writer per directory; not for concurrent use.
 *
 * <pre>{@code
 * Saver saver = Saver.builder(ctx).maxToKeep(3).build();
 * Path prefix = saver.save(dir, inference.iteration());        // dir/ckpt-1000
 * // ... later, in a fresh context with the same model built:
 * CheckpointReader restored = saver.restore(dir);              // the latest checkpoint
 * }</pre>
 */
public final class Saver {

  /** Stages of a save, observed by tests that simulate a crash in between. */
  enum Stage { BUNDLE_WRITTEN, FILES_MOVED, STATE_WRITTEN }

  /** Called at each stage; throwing aborts the save as a crash there would. */
  @FunctionalInterface
  interface StageObserver {
    void reached(Stage stage) throws IOException;
  }

  /** The package of TensorFlow Java's status exceptions. */
  private static final String TF_EXCEPTIONS = "org.tensorflow.exceptions";

  private final ModelContext ctx;
  private final String scope;
  private final List<Variable<?>> explicit;
  private final int maxToKeep;
  private final StageObserver observer;
  private final Map<String, BundleOps.Save> saveOps = new HashMap<>();
  private final Map<String, BundleOps.Load> loadOps = new HashMap<>();

  private Saver(Builder b) {
    this.ctx = b.ctx;
    this.scope = b.scope;
    this.explicit = b.variables;
    this.maxToKeep = b.maxToKeep;
    this.observer = b.observer;
  }

  /**
   * Starts a saver of every variable of a context.
   *
   * @param ctx the model's context
   * @return a builder; by default all variables, five checkpoints kept
   */
  public static Builder builder(ModelContext ctx) {
    return new Builder(Objects.requireNonNull(ctx, "ctx"));
  }

  /**
   * Saves a new checkpoint numbered one past the highest in the directory.
   *
   * @param dir the checkpoint directory, created if needed
   * @return the new checkpoint's prefix, e.g. {@code dir/ckpt-4}
   * @throws CheckpointException if it cannot be written; the previous checkpoint stays current
   */
  public Path save(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    createDirectory(abs);
    return save(abs, CheckpointFiles.nextNumber(abs, readState(abs)), Map.of());
  }

  /**
   * Saves checkpoint {@code ckpt-<number>}, e.g. numbered by the training iteration.
   *
   * @param dir the checkpoint directory, created if needed
   * @param number non-negative, and not the number of a checkpoint the directory keeps
   * @return the new checkpoint's prefix
   * @throws IllegalStateException if the directory already keeps a checkpoint of that number
   * @throws CheckpointException if it cannot be written; the previous checkpoint stays current
   */
  public Path save(Path dir, long number) {
    return save(dir, number, Map.of());
  }

  /**
   * Saves checkpoint {@code ckpt-<number>}, e.g. numbered by the training iteration.
   *
   * @param dir the checkpoint directory, created if needed
   * @param number non-negative, and not the number of a checkpoint the directory keeps
   * @param metadata int64 values to store with it (keys of letters, digits and underscores), such
   *     as a data stream's position; read back with {@link CheckpointReader#metadata()}
   * @return the new checkpoint's prefix
   * @throws IllegalStateException if the directory already keeps a checkpoint of that number
   * @throws CheckpointException if it cannot be written; the previous checkpoint stays current
   */
  public synchronized Path save(Path dir, long number, Map<String, Long> metadata) {
    ctx.checkOpen();
    Objects.requireNonNull(metadata, "metadata");
    if (number < 0) {
      throw new IllegalArgumentException("`number` must be non-negative, got " + number);
    }
    Map<String, Long> meta = new TreeMap<>();
    metadata.forEach((k, v) -> {
      if (k == null || !k.matches("[A-Za-z0-9_]+") || k.equals(CheckpointReader.RANDOM_STEP)) {
        throw new IllegalArgumentException("metadata keys must be letters, digits and underscores, and not `"
            + CheckpointReader.RANDOM_STEP + "`; got " + k);
      }
      meta.put(k, Objects.requireNonNull(v, "metadata value"));
    });
    meta.put(CheckpointReader.RANDOM_STEP, ctx.randomStep());
    Path abs = dir.toAbsolutePath().normalize();
    createDirectory(abs);
    Optional<CheckpointState> state = readState(abs);
    String name = CheckpointFiles.name(number);
    if (state.isPresent() && state.get().all().stream().anyMatch(p -> Path.of(p).getFileName().toString().equals(name))) {
      throw new IllegalStateException("checkpoint " + name + " already exists in " + abs
          + "; save with another number, or without one to take the next");
    }
    List<Variable<?>> vars = variables();
    try {
      CheckpointFiles.deleteStaging(abs);
      CheckpointFiles.deleteBundle(abs, name);
      Path staging = CheckpointFiles.createStaging(abs, name);
      try {
        Path staged = staging.resolve(name);
        runSave(vars, meta, staged);
        observer.reached(Stage.BUNDLE_WRITTEN);
        CheckpointReader check = CheckpointReader.open(staged);
        check.verify(check.variables());
        CheckpointFiles.moveIn(staged, abs, 1);
        observer.reached(Stage.FILES_MOVED);
        List<String> kept = new ArrayList<>(state.map(CheckpointState::all).orElse(List.of()));
        kept.add(name);
        List<String> dropped = new ArrayList<>(kept.subList(0, Math.max(0, kept.size() - maxToKeep)));
        kept.removeAll(dropped);
        new CheckpointState(name, kept).write(abs);
        observer.reached(Stage.STATE_WRITTEN);
        for (String old : dropped) {
          CheckpointFiles.deleteBundle(CheckpointState.resolve(abs, old).getParent(), Path.of(old).getFileName().toString());
        }
      } finally {
        CheckpointFiles.deleteRecursively(staging);
      }
    } catch (IOException e) {
      throw new CheckpointException(abs, "cannot write checkpoint " + name + ": "
          + WritableDirectories.reason(e) + " (" + e.getClass().getSimpleName() + ")", e);
    } catch (RuntimeException e) {
      // SaveV2 failed natively: a full disk (RESOURCE_EXHAUSTED), a name over the file system's
      // limit (INVALID_ARGUMENT), a lost permission. Nothing was moved in, so the previous
      // checkpoint is still current. TF Java's status exceptions share no base class
      // (TFInvalidArgumentException is an IllegalArgumentException), so match their package.
      if (!e.getClass().getPackageName().equals(TF_EXCEPTIONS)) {
        throw e;
      }
      throw new CheckpointException(abs, "cannot write checkpoint " + name + ": TensorFlow's SaveV2 failed ("
          + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()) + "); the previous checkpoint stays current", e);
    }
    return abs.resolve(name);
  }

  /**
   * Restores the latest checkpoint of a directory, or the one at a prefix.
   *
   * <p>Every variable this saver covers must be in the checkpoint with the same dtype and shape;
   * the checkpoint may hold others. A saver of all variables also restores the random step.
   *
   * @param dirOrPrefix a checkpoint directory or prefix
   * @return the checkpoint restored (its prefix, variables and metadata)
   * @throws CheckpointNotFoundException if there is none there
   * @throws CorruptCheckpointException if its files are damaged
   * @throws CheckpointMismatchException naming the variables it lacks or stores differently
   */
  public synchronized CheckpointReader restore(Path dirOrPrefix) {
    ctx.checkOpen();
    CheckpointReader reader = CheckpointReader.open(Objects.requireNonNull(dirOrPrefix, "dirOrPrefix"));
    List<Variable<?>> vars = variables();
    List<String> missing = new ArrayList<>();
    List<String> mismatched = new ArrayList<>();
    List<CheckpointEntry> entries = new ArrayList<>();
    for (Variable<?> v : vars) {
      Optional<CheckpointEntry> e = reader.entry(v.name());
      if (e.isEmpty()) {
        missing.add(v.name());
      } else if (e.get().dataType() != BundleOps.dataType(v.dtype()) || !e.get().shape().equals(v.shape())) {
        mismatched.add(v.name() + ": checkpoint has " + e.get().dtypeName() + " " + e.get().shape()
            + ", the model has " + CheckpointEntry.dtypeName(BundleOps.dataType(v.dtype())) + " " + v.shape());
      } else {
        entries.add(e.get());
      }
    }
    if (!missing.isEmpty() || !mismatched.isEmpty()) {
      throw new CheckpointMismatchException(reader.prefix(), missing, mismatched);
    }
    reader.verify(entries);
    BundleOps.Load op = loadOps.computeIfAbsent(key(vars, List.of()), k -> BundleOps.load(ctx, vars));
    long step = ctx.randomStep();
    try (TString prefix = TString.scalarOf(reader.prefix().toString())) {
      ctx.run(ctx.session().runner().addTarget(op.restore()).feed(op.prefix(), prefix)).close();
    } finally {
      ctx.setRandomStep(restoresRandomStep() ? reader.randomStep().orElse(step) : step);
    }
    return reader;
  }

  /**
   * Whether a restore sets the context's random step: only when this saver covers everything.
   *
   * @return whether a restore sets the context's random step: only when this saver covers everything
   */
  public boolean restoresRandomStep() {
    return scope == null && explicit == null;
  }

  /**
   * The variables this saver covers now (a scope's set grows as the model does).
   *
   * @return the variables this saver covers now (a scope's set grows as the model does)
   */
  public List<Variable<?>> variables() {
    List<Variable<?>> vars = new ArrayList<>();
    if (explicit != null) {
      vars.addAll(explicit);
    } else {
      for (Variable<?> v : ctx.variables().all()) {
        if (GraphCollections.inScope(v.name(), scope)) {
          vars.add(v);
        }
      }
    }
    if (vars.isEmpty()) {
      throw new IllegalStateException("no variables to checkpoint" + (scope == null ? "" : " under scope `" + scope + "`")
          + " in " + ctx);
    }
    for (Variable<?> v : vars) {
      if (GraphCollections.inScope(v.name(), CheckpointReader.META_SCOPE)) {
        throw new IllegalStateException("variable " + v.name() + " uses the reserved scope " + CheckpointReader.META_SCOPE);
      }
      BundleOps.dataType(v.dtype());
    }
    return vars;
  }

  private void runSave(List<Variable<?>> vars, Map<String, Long> meta, Path staged) {
    List<String> keys = new ArrayList<>(meta.keySet());
    BundleOps.Save op = saveOps.computeIfAbsent(key(vars, keys), k -> BundleOps.save(ctx, vars, keys));
    List<Tensor> owned = new ArrayList<>();
    try {
      TString prefix = TString.scalarOf(staged.toString());
      owned.add(prefix);
      Session.Runner runner = ctx.session().runner().addTarget(op.save()).feed(op.prefix(), prefix);
      for (int i = 0; i < keys.size(); i++) {
        TInt64 value = TInt64.scalarOf(meta.get(keys.get(i)));
        owned.add(value);
        runner.feed(op.metadata().get(i), value);
      }
      // Saving draws nothing: a run with checkpoints must sample exactly as one without.
      ctx.keepingRandomStep(() -> ctx.run(runner).close());
    } finally {
      owned.forEach(Tensor::close);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  private static String key(List<Variable<?>> vars, List<String> metadataKeys) {
    StringBuilder sb = new StringBuilder();
    vars.forEach(v -> sb.append(v.name()).append('\n'));
    return sb.append('|').append(metadataKeys).toString();
  }

  private static Optional<CheckpointState> readState(Path dir) {
    try {
      return CheckpointState.read(dir);
    } catch (CorruptCheckpointException e) {
      return Optional.empty(); // a damaged state file is replaced by the next commit
    }
  }

  private static void createDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new CheckpointException(dir, "cannot create the checkpoint directory: "
          + WritableDirectories.reason(e) + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  @Override
  public String toString() {
    return "Saver(" + (explicit != null ? explicit.size() + " variables" : scope == null ? "all variables" : "scope=" + scope)
        + ", maxToKeep=" + maxToKeep + ")";
  }

  /** Settings for a {@link Saver}. */
  public static final class Builder {
    private final ModelContext ctx;
    private String scope;
    private List<Variable<?>> variables;
    private int maxToKeep = 5;
    private StageObserver observer = stage -> { };

    private Builder(ModelContext ctx) {
      this.ctx = ctx;
    }

    /**
     * Covers only the variables under a scope, matched on whole path components.
     *
     * @param scope e.g. {@code "Gen"}
     * @return this builder
     */
    public Builder scope(String scope) {
      if (scope == null || scope.isBlank()) {
        throw new IllegalArgumentException("`scope` must name a scope such as \"Gen\", got " + scope);
      }
      this.scope = scope;
      return this;
    }

    /**
     * Covers exactly these variables.
     *
     * @param variables variables of the builder's context, at least one
     * @return this builder
     */
    public Builder variables(List<? extends Variable<?>> variables) {
      Objects.requireNonNull(variables, "variables");
      if (variables.isEmpty()) {
        throw new IllegalArgumentException("`variables` must list at least one variable");
      }
      for (Variable<?> v : variables) {
        if (Objects.requireNonNull(v, "variables element").context() != ctx) {
          throw new IllegalArgumentException("variable " + v.name() + " belongs to another ModelContext");
        }
      }
      this.variables = List.copyOf(variables);
      return this;
    }

    /**
     * How many checkpoints the directory keeps; older ones are deleted after each save.
     *
     * @param maxToKeep at least 1 (TensorFlow's default is 5)
     * @return this builder
     */
    public Builder maxToKeep(int maxToKeep) {
      if (maxToKeep < 1) {
        throw new IllegalArgumentException("`maxToKeep` must be at least 1, got " + maxToKeep);
      }
      this.maxToKeep = maxToKeep;
      return this;
    }

    Builder observer(StageObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /**
     * The saver.
     *
     * @return the saver
     */
    public Saver build() {
      if (scope != null && variables != null) {
        throw new IllegalArgumentException("give a `scope` or a list of `variables`, not both");
      }
      return new Saver(this);
    }
  }
}
