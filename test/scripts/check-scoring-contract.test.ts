/**
 * scripts/check-scoring-contract.mjs, the CI step that holds docs/scoring.md to the team's
 * contract: it names each differing row and fails; it agrees with an identical table; it does
 * nothing (exit 0) where no contract is at hand. The contracts here are made from
 * docs/scoring.md itself, so the test needs nothing outside the repository.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/check-scoring-contract.mjs');
const OWN = fs.readFileSync(path.join(ROOT, 'docs/scoring.md'), 'utf8');

function check(contract: string | null): { status: number | null; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnlc-contract-'));
  try {
    const file = path.join(dir, 'SCORING.md');
    if (contract !== null) fs.writeFileSync(file, contract);
    const run = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' });
    return { status: run.status, out: run.stdout + run.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('a contract with the same table agrees', () => {
  const run = check(OWN);
  expect(run.out).toContain('agrees');
  expect(run.status).toBe(0);
});

test('a changed target and a missing row are each named, and the step fails', () => {
  const lines = OWN.split('\n');
  const changed = lines
    .filter((l) => !l.startsWith('| 3.3.4.a '))
    .map((l) => (l.startsWith('| 1.1.1.a ') ? l.replace('| ≥ 95 |', '| ≥ 96 |') : l))
    .join('\n');
  const run = check(changed);
  expect(run.status).toBe(1);
  expect(run.out).toContain('1.1.1.a met when: docs/scoring.md "≥ 95" ≠ contract "≥ 96"');
  expect(run.out).toContain('3.3.4.a: in docs/scoring.md, not in the contract');
});

test('with no contract at hand it says so and passes', () => {
  const run = check(null);
  expect(run.out).toContain('nothing to compare');
  expect(run.status).toBe(0);
});
