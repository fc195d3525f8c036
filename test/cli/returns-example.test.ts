/**
 * examples/returns/*.xlsx: the committed returns are what examples/build-returns.ts builds, and
 * consolidate as the README says (one conflict settled for the responsible department, two
 * departments guessed, Sở Nội vụ among the parties that sent nothing).
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadWorkbook, readWorkbookSnapshot } from '../../src/hosts/xlsx';
import { RETURNS_DIR, RETURNS_EXPECTED, RETURN_FILES, buildReturns } from '../../examples/build-returns';
import { gnlc, scratch } from './helpers';

let dir: string;
beforeAll(() => {
  dir = scratch();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const committed = RETURN_FILES.map((f) => path.join(RETURNS_DIR, f));

test('the committed returns are up to date with their builder (else run: npx tsx examples/build-returns.ts)', async () => {
  const fresh = await buildReturns();
  expect(fresh.map((r) => r.file)).toEqual([...RETURN_FILES]);
  for (const { file, data } of fresh) {
    const a = readWorkbookSnapshot(await loadWorkbook(fs.readFileSync(path.join(RETURNS_DIR, file)))).snapshot;
    const b = readWorkbookSnapshot(await loadWorkbook(data)).snapshot;
    expect([file, b]).toEqual([file, a]);
  }
});

test('gnlc consolidate examples/returns/*.xlsx gives what the README says', async () => {
  const report = path.join(dir, 'tong-hop.json');
  const r = await gnlc('consolidate', ...committed, '--out', path.join(dir, 'tong-hop.xlsx'), '--report', report);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const data = JSON.parse(fs.readFileSync(report, 'utf8'));
  expect(Object.fromEntries(data.returns.map((x: { name: string; department: string; departmentSource: string }) => [x.name, [x.department, x.departmentSource]]))).toEqual(RETURNS_EXPECTED.departments);
  expect(data.conflicts.map((c: { id: string; chosen?: string }) => ({ id: c.id, chosen: c.chosen }))).toEqual([RETURNS_EXPECTED.conflict]);
  expect(data.indicators.filter((i: { status: string }) => i.status === 'unmet').map((i: { id: string }) => i.id)).toEqual(RETURNS_EXPECTED.unmet);
  expect(data.missingParties).toContain(RETURNS_EXPECTED.missingAsked);
  expect(data.headline).toBe('30 / 57 chỉ số đạt');
});
