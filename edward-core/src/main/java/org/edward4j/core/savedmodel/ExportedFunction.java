package org.edward4j.core.savedmodel;

import java.util.Objects;
import java.util.function.BiFunction;
import org.edward4j.core.VariableScope;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * One signature of an exported SavedModel: a network function built under a variable scope, with
 * a named float32 input and output, such as a GAN generator {@code z -> x} under {@code Gen} or a
 * BiGAN encoder {@code x -> z}.
 *
 * <p>The function is called with the scope entered with auto-reuse, so it finds the trained
 * variables by the same names ({@code Gen/dense/kernel}, ...) as when it was trained. A leading
 * {@code -1} in the input shape lets callers feed any batch size.
 *
 * <pre>{@code
 * ExportedFunction generate = ExportedFunction.of("generate", "Gen", GanExample::generativeNetwork)
 *     .input("z", Shape.of(-1, 100))
 *     .output("x");
 * }</pre>
 *
 * @param key the signature key callers ask the bundle for, e.g. {@code "generate"}
 * @param scope the variable scope the function's variables live under, e.g. {@code "Gen"}
 * @param network builds the output from the input inside the scope
 * @param inputName the signature's input name
 * @param inputShape the input's shape, {@code -1} for unknown dimensions
 * @param outputName the signature's output name
 */
public record ExportedFunction(
    String key,
    String scope,
    BiFunction<VariableScope, Operand<TFloat32>, Operand<TFloat32>> network,
    String inputName,
    Shape inputShape,
    String outputName) {

  /**
   * Checks the names.
   *
   * @param key the signature key callers ask the bundle for, e.g. {@code "generate"}
   * @param scope the variable scope the function's variables live under, e.g. {@code "Gen"}
   * @param network builds the output from the input inside the scope
   * @param inputName the signature's input name
   * @param inputShape the input's shape, {@code -1} for unknown dimensions
   * @param outputName the signature's output name
   */
  public ExportedFunction {
    checkName(key, "key");
    checkName(scope, "scope");
    Objects.requireNonNull(network, "network");
    checkName(inputName, "inputName");
    checkName(outputName, "outputName");
    if (inputName.equals(outputName)) {
      throw new IllegalArgumentException("`inputName` and `outputName` must differ, both are " + inputName);
    }
  }

  /**
   * Starts a function with input {@code "input"} of unknown shape and output {@code "output"};
   * set the input's shape with {@link #input}.
   *
   * @param key the signature key
   * @param scope the variable scope of its variables
   * @param network the network function
   * @return the function
   */
  public static ExportedFunction of(
      String key, String scope, BiFunction<VariableScope, Operand<TFloat32>, Operand<TFloat32>> network) {
    return new ExportedFunction(key, scope, network, "input", Shape.unknown(), "output");
  }

  /**
   * This function with another input.
   *
   * @param name the input's name in the signature
   * @param shape its shape, {@code -1} for unknown dimensions
   * @return a copy
   */
  public ExportedFunction input(String name, Shape shape) {
    return new ExportedFunction(key, scope, network, name, Objects.requireNonNull(shape, "shape"), outputName);
  }

  /**
   * This function with another output name.
   *
   * @param name the output's name in the signature
   * @return a copy
   */
  public ExportedFunction output(String name) {
    return new ExportedFunction(key, scope, network, inputName, inputShape, name);
  }

  private static void checkName(String name, String what) {
    if (name == null || !name.matches("[A-Za-z0-9_][A-Za-z0-9_.\\-]*")) {
      throw new IllegalArgumentException("`" + what + "` must be a name of letters, digits, `_`, `.` or `-`, got " + name);
    }
  }

  @Override
  public String toString() {
    return key + ": " + inputName + " " + inputShape + " -> " + outputName + " (scope " + scope + ")";
  }
}
