/**
 * Jest reporter: ends the run with the plain line "N passed, N failed" (", N skipped" when any),
 * which CI reads whatever the runner.
 */
class ClosingLine {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`\n${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
module.exports = ClosingLine;
