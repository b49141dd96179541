package org.edward4j.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/edward results}: the rows of docs/RESULTS.md from quality reports, see {@link ResultsTable}. */
@Command(name = "results", mixinStandardHelpOptions = true,
    description = "Renders the rows of docs/RESULTS.md from `bin/edward quality` JSON reports: prints them,"
        + " or with --update replaces the page's generated block.")
final class ResultsCommand extends ExampleCommand {

  @Option(names = "--reports", paramLabel = "A.json,B.json", split = ",", required = true,
      description = "JSON reports written by bin/edward quality, comma-separated")
  List<Path> reports;

  @Option(names = "--update", paramLabel = "FILE",
      description = "replace the generated block of this Markdown page (default: print the rows)")
  Path update;

  @Override
  public Integer call() throws Exception {
    for (Path report : reports) {
      if (!Files.isRegularFile(report)) {
        throw usage("--reports: " + report + " is not a file");
      }
    }
    if (update != null && !Files.isRegularFile(update)) {
      throw usage("--update: " + update + " is not a file");
    }
    ResultsTable.render(reports, update, spec.commandLine().getOut());
    return 0;
  }
}
