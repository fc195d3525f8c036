'use strict';
// bin/gnlc.js, loading the command line compiled by the bench (GNLC_BENCH_CLI_DIR) instead of
// dist/cli: used when dist/cli is missing or older than its sources (see bench/node.ts).
const path = require('path');
const dir = process.env.GNLC_BENCH_CLI_DIR;
if (!dir) {
  process.stderr.write('gnlc bench launcher: GNLC_BENCH_CLI_DIR is not set\n');
  process.exit(3);
}
const cli = require(path.join(dir, 'cli', 'main.js'));
cli.main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write('gnlc: ' + (err && err.message ? err.message : String(err)) + '\n');
    process.exitCode = 3;
  },
);
