package org.edward4j.core.gradients;

import static org.edward4j.core.gradients.MissingGradients.grad;
import static org.edward4j.core.gradients.MissingGradients.in;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.OperationAttributeInspector;
import org.tensorflow.Output;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.IntDataBuffer;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.Conv2dBackpropInput;
import org.tensorflow.op.nn.MaxPoolGradGrad;
import org.tensorflow.op.nn.MaxPoolWithArgmax;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TNumber;

/**
 * Second-derivative rules for convolution and max pooling, as TensorFlow's Python registry has
 * them ({@code nn_grad.py}): the filter gradient of a convolution and the input gradient of max
 * pooling, which a gradient penalty through a convolutional critic differentiates again.
 */
final class ConvolutionGradients {

  private ConvolutionGradients() {}

  static void register() {
    // Conv2DBackpropFilter(x, filter_sizes, dy) is bilinear in x and dy.
    MissingGradients.register(
        "Conv2DBackpropFilter",
        (tf, op, dy) -> {
          Operand<TNumber> x = in(op, 0);
          Operand<TNumber> outBackprop = in(op, 2);
          Operand<TNumber> d = grad(tf, op, dy);
          Conv conv = Conv.of(op);
          Operand<TNumber> dx =
              tf.nn.conv2dBackpropInput(tf.shape(x), d, outBackprop, conv.strides, conv.padding, conv.inputOptions());
          Operand<TNumber> dOut = tf.nn.conv2d(x, d, conv.strides, conv.padding, conv.forwardOptions());
          return List.of(dx, tf.zerosLike(op.input(1)), dOut);
        });
    // MaxPoolGradV2(x, y, g, ksize, strides) routes g to each window's arg max: linear in g, and
    // piecewise constant in x and y.
    MissingGradients.register(
        "MaxPoolGradV2",
        (tf, op, dy) -> {
          Operand<TInt32> ksize = intInput(op, 3);
          Operand<TInt32> strides = intInput(op, 4);
          return List.of(
              tf.zerosLike(op.input(0)), tf.zerosLike(op.input(1)),
              gradGrad(tf, op, dy, constant(ksize), constant(strides), ksize, strides),
              tf.zerosLike(ksize), tf.zerosLike(strides));
        });
    // MaxPoolGrad(x, y, g) keeps ksize and strides as attributes.
    MissingGradients.register(
        "MaxPoolGrad",
        (tf, op, dy) -> {
          long[] ksize = op.attributes().getAttrIntList("ksize");
          long[] strides = op.attributes().getAttrIntList("strides");
          return List.of(
              tf.zerosLike(op.input(0)), tf.zerosLike(op.input(1)),
              gradGrad(tf, op, dy, ksize, strides, tf.constant(toInts(ksize)), tf.constant(toInts(strides))));
        });
  }

  /**
   * The gradient of a max-pool gradient with respect to its incoming gradient {@code d}: {@code d}
   * read at each window's arg max. With constant geometry and NHWC it gathers at {@code
   * MaxPoolWithArgmax}'s indices rather than calling {@code MaxPoolGradGradV2}, whose CPU kernel
   * returns zeros when the pooled shape equals the input's (stride 1, SAME): it reuses the buffer of
   * {@code d} for its output and zero-fills it before reading it.
   */
  private static Operand<TNumber> gradGrad(
      Ops tf, GraphOperation op, List<Output<?>> dy, long[] ksize, long[] strides,
      Operand<TInt32> ksizeTensor, Operand<TInt32> stridesTensor) {
    OperationAttributeInspector attrs = op.attributes();
    String padding = attrs.getAttrString("padding");
    String format = attrs.getAttrString("data_format");
    Operand<TNumber> d = grad(tf, op, dy);
    if (ksize == null || strides == null || !format.equals("NHWC")) {
      return tf.nn.maxPoolGradGrad(
          in(op, 0), in(op, 1), d, ksizeTensor, stridesTensor, padding, MaxPoolGradGrad.dataFormat(format));
    }
    Operand<TInt64> argmax =
        tf.nn.maxPoolWithArgmax(
                in(op, 0), boxed(ksize), boxed(strides), TInt64.class, padding,
                MaxPoolWithArgmax.includeBatchInIndex(true))
            .argmax();
    return tf.gather(tf.reshape(d, tf.constant(new long[] {-1})), argmax, tf.constant(0));
  }

  /** The values of a constant int32 tensor, or {@code null} if it is computed. */
  private static long[] constant(Operand<TInt32> x) {
    GraphOperation producer = (GraphOperation) x.op();
    if (!producer.type().equals("Const")) {
      return null;
    }
    try (Tensor t = producer.attributes().getAttrTensor("value")) {
      IntDataBuffer values = t.asRawTensor().data().asInts();
      long[] out = new long[(int) values.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = values.getInt(i);
      }
      return out;
    }
  }

  @SuppressWarnings("unchecked")
  private static Operand<TInt32> intInput(GraphOperation op, int index) {
    return (Operand<TInt32>) (Operand<?>) op.input(index);
  }

  private static List<Long> boxed(long[] xs) {
    List<Long> out = new ArrayList<>();
    for (long x : xs) {
      out.add(x);
    }
    return out;
  }

  private static int[] toInts(long[] xs) {
    int[] out = new int[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = Math.toIntExact(xs[i]);
    }
    return out;
  }

  /** A convolution op's attributes, to build its relatives with the same geometry. */
  private record Conv(List<Long> strides, String padding, List<Long> dilations, List<Long> explicit, String format) {

    static Conv of(GraphOperation op) {
      OperationAttributeInspector a = op.attributes();
      return new Conv(
          boxed(a.getAttrIntList("strides")), a.getAttrString("padding"), boxed(a.getAttrIntList("dilations")),
          boxed(a.getAttrIntList("explicit_paddings")), a.getAttrString("data_format"));
    }

    Conv2dBackpropInput.Options[] inputOptions() {
      return new Conv2dBackpropInput.Options[] {
        Conv2dBackpropInput.dilations(dilations), Conv2dBackpropInput.explicitPaddings(explicit),
        Conv2dBackpropInput.dataFormat(format)
      };
    }

    Conv2d.Options[] forwardOptions() {
      return new Conv2d.Options[] {
        Conv2d.dilations(dilations), Conv2d.explicitPaddings(explicit), Conv2d.dataFormat(format)
      };
    }
  }
}
