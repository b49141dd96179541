package org.edward4j.spark;

import java.util.List;

/**
 * The outcome of {@link ParameterAveraging#fit}: the final averaged variables and one report per
 * round run by this call.
 *
 * @param state the variables after the last round, as float arrays
 * @param resumedFrom the round of the checkpoint the job resumed from, 0 for a fresh start
 * @param reports one per round run by this call, in order
 */
public record AveragingResult(ParameterState state, long resumedFrom, List<RoundReport> reports) {

  /**
   * Copies the reports.
   *
   * @param state as described above
   * @param resumedFrom as described above
   * @param reports as described above
   */
  public AveragingResult {
    reports = List.copyOf(reports);
  }
}
