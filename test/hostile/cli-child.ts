/**
 * `gnlc` in a child process for the heavy hostile cases (run with node --max-old-space-size and a
 * timeout by the tests): the command line's main(), straight from the TypeScript sources. With
 * GNLC_REPORT_USAGE set, the peak memory and time are printed on stderr after the run.
 */
import { main } from '../../src/cli/main';

const started = Date.now();
main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    if (process.env.GNLC_REPORT_USAGE) process.stderr.write(`usage: ${JSON.stringify({ ms: Date.now() - started, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`gnlc: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 3;
  },
);
