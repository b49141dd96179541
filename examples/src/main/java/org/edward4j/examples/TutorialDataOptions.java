package org.edward4j.examples;

import picocli.CommandLine.Option;

/**
 * {@code --binarize} and {@code --shuffle}: how the GAN tutorial serves its data ({@link
 * TutorialData}), Edward's way by default. Shared by {@code gan} and {@code quality gan}.
 */
final class TutorialDataOptions {

  @Option(names = "--binarize", arity = "0..1", paramLabel = "true|false", defaultValue = "true", fallbackValue = "true",
      description = "binarize each batch afresh, as Edward's tutorial; false keeps grey levels (default: ${DEFAULT-VALUE})")
  boolean binarize;

  @Option(names = "--shuffle", arity = "0..1", paramLabel = "true|false", defaultValue = "false", fallbackValue = "true",
      description = "reshuffle every epoch; Edward's tutorial takes the file order (default: ${DEFAULT-VALUE})")
  boolean shuffle;

  /** The data handling the flags ask for. */
  TutorialData data() {
    return new TutorialData(binarize, shuffle);
  }
}
