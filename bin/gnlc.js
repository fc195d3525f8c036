#!/usr/bin/env node
'use strict';
// The `gnlc` command. Runs the compiled command line in dist/cli (built by `npm run build:cli`,
// and by `npm ci` / `npm install` through the "prepare" script).
const path = require('path');

let cli;
try {
  cli = require(path.join(__dirname, '..', 'dist', 'cli', 'cli', 'main.js'));
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(path.join('dist', 'cli', 'cli', 'main.js'))) {
    process.stderr.write('gnlc: chưa biên dịch — hãy chạy "npm run build:cli" (not built: run "npm run build:cli")\n');
    process.exit(3);
  }
  throw e;
}

// `gnlc score … | head`: a closed pipe is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode || 0);
    throw err;
  });
}

cli.main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write('gnlc: ' + (err && err.message ? err.message : String(err)) + '\n');
    process.exitCode = 3;
  },
);
