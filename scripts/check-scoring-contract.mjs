#!/usr/bin/env node
// Holds the project's scoring description (docs/scoring.md) to the team's scoring contract
// (SCORING.md, kept outside the repository): the target tables must list the same indicators
// with the same short name, responsible party, fields and target. Prints every row that
// differs and exits 1; exits 0 when they agree, or when no copy of the contract is at hand
// (a clone on its own: the tests never need the contract, they read docs/scoring.md).
// Where the contract lives is the caller's to say (.ci/run names it); the script itself
// reaches nothing outside the repository.
//
//   node scripts/check-scoring-contract.mjs [path/to/SCORING.md]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const contractPath = process.argv[2] ? resolve(process.argv[2]) : undefined;
const ownPath = resolve(root, 'docs/scoring.md');
const COLUMNS = ['id', 'indicator (short)', 'responsible', 'fields', 'met when'];

/** The target table's rows (lines whose first cell is an indicator id), by id. */
function rows(file) {
  const out = new Map();
  for (const line of readFileSync(file, 'utf8').normalize('NFC').split(/\r?\n/)) {
    if (!/^\| [0-9]+\.[0-9]/.test(line)) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim().replace(/\s+/g, ' '));
    out.set(cells[0], cells);
  }
  return out;
}

if (!contractPath || !existsSync(contractPath)) {
  console.log(`scoring contract: ${contractPath ? `no copy at ${contractPath}` : 'no path given'}; nothing to compare (docs/scoring.md stands alone).`);
  process.exit(0);
}

const theirs = rows(contractPath);
const ours = rows(ownPath);
const problems = [];
for (const [id, cells] of theirs) {
  const mine = ours.get(id);
  if (!mine) {
    problems.push(`${id}: in the contract, not in docs/scoring.md`);
    continue;
  }
  COLUMNS.forEach((name, i) => {
    if ((mine[i] ?? '') !== (cells[i] ?? '')) problems.push(`${id} ${name}: docs/scoring.md "${mine[i] ?? ''}" ≠ contract "${cells[i] ?? ''}"`);
  });
}
for (const id of ours.keys()) if (!theirs.has(id)) problems.push(`${id}: in docs/scoring.md, not in the contract`);
const order = (m) => [...m.keys()].filter((id) => theirs.has(id) && ours.has(id)).join(' ');
if (problems.length === 0 && order(theirs) !== order(ours)) problems.push('the rows are in a different order');

if (problems.length > 0) {
  console.log(`scoring contract: docs/scoring.md differs from ${contractPath} in ${problems.length} place(s):`);
  for (const p of problems) console.log(`  ${p}`);
  process.exit(1);
}
console.log(`scoring contract: docs/scoring.md agrees with ${contractPath} (${ours.size} indicators, ${COLUMNS.length} columns each).`);
