#!/usr/bin/env node
/**
 * Prints the number of known vulnerabilities in production dependencies by severity, and exits 1
 * when any is high or critical. `npm audit` needs the registry's advisory service: when it cannot
 * reach it (offline, a proxy, an error answer), this says so in one line, names the reason, and
 * lists what was NOT audited (the production dependencies, from `npm ls --omit=dev`), exit 0 —
 * never a count of zero that was not measured.
 */
const { spawnSync } = require('child_process');

const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120000 });
let report = null;
try {
  report = JSON.parse(r.stdout);
} catch {
  report = null;
}
const v = report && report.metadata && report.metadata.vulnerabilities;
if (!v) {
  const why =
    (report && report.error && (report.error.code || report.error.summary)) ||
    (r.error && r.error.code) ||
    (r.stderr || '').split('\n').find((l) => /ERR|error/i.test(l)) ||
    `exit ${r.status}`;
  const ls = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { encoding: 'utf8', timeout: 60000 });
  const count = ls.status === 0 ? new Set((ls.stdout || '').split('\n').filter(Boolean).slice(1)).size : '?';
  console.log(`npm audit: NOT AUDITED — the advisory service could not be reached (${String(why).trim().slice(0, 120)}); ${count} production packages unchecked (npm ls --omit=dev)`);
  process.exit(0);
}
const line = ['info', 'low', 'moderate', 'high', 'critical'].map((k) => `${k} ${v[k] || 0}`).join(', ');
console.log(`npm audit --omit=dev: ${line}`);
process.exit((v.high || 0) + (v.critical || 0) > 0 ? 1 : 0);
