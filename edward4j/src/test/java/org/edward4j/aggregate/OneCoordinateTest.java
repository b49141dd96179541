package org.edward4j.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.edward4j.core.ModelContext;
import org.edward4j.criticisms.Evaluate;
import org.edward4j.datasets.Mnist;
import org.edward4j.inferences.KLqp;
import org.edward4j.models.Normal;
import org.edward4j.plots.ImageGrid;
import org.junit.jupiter.api.Test;

/**
 * The {@code edward4j} artifact alone brings every module: this test compiles only against the
 * aggregate's dependencies, and names a type of each module.
 */
class OneCoordinateTest {

  @Test
  void everyModuleIsOnTheClasspathOfTheAggregate() {
    List<Class<?>> types = List.of(ModelContext.class, Normal.class, KLqp.class, Evaluate.class, Mnist.class, ImageGrid.class);
    assertEquals(List.of("edward-core", "edward-models", "edward-inferences", "edward-criticisms", "edward-datasets", "edward-plots"),
        types.stream().map(OneCoordinateTest::module).toList());
  }

  /** The module a type comes from, read from the path of the jar or classes directory holding it. */
  private static String module(Class<?> type) {
    String location = type.getProtectionDomain().getCodeSource().getLocation().getPath();
    for (String m : List.of("edward-core", "edward-models", "edward-inferences", "edward-criticisms", "edward-datasets", "edward-plots")) {
      if (location.contains("/" + m + "/") || location.contains("/" + m + "-")) {
        return m;
      }
    }
    return location;
  }
}
