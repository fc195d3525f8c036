'use strict';
// Loaded with `node --require bench/child/rss.js …` by bench/measure.ts (runNode): writes the
// process's peak resident set size (process.resourceUsage().maxRSS, kilobytes) to the file named
// by GNLC_BENCH_RSS_OUT when the process exits, however it exits.
const fs = require('fs');
const out = process.env.GNLC_BENCH_RSS_OUT;
if (out) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(out, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS }));
    } catch {
      // nothing to report to
    }
  });
}
