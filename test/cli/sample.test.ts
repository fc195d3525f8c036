/**
 * examples/phu-luc-thanh-pho-mau.xlsx: the committed sample is what examples/build-sample.ts
 * builds, and scores as it was built to (most met, some unmet, invalid and missing).
 */
import * as fs from 'fs';
import { runScoring } from '../../src/core/pipeline';
import { findAppendixSheet } from '../../src/core/mapping';
import { loadWorkbook, readWorkbookSnapshot, toHostRead } from '../../src/hosts/xlsx';
import { SAMPLE_EXPECTED, buildSample } from '../../examples/build-sample';
import { SAMPLE, loadCriteria } from './helpers';

const criteria = loadCriteria();

async function statuses(data: Buffer) {
  const wb = await loadWorkbook(data);
  const read = readWorkbookSnapshot(wb, { workbookName: 'phu-luc-thanh-pho-mau.xlsx' });
  const found = findAppendixSheet(read.snapshot, criteria);
  expect(found?.sheet.name).toBe('Phụ lục');
  const { run } = runScoring(toHostRead(read, found!.sheet.name), criteria, { lang: 'vi' });
  const by = (s: string) => run.results.filter((r) => r.status === s).map((r) => r.id);
  return { met: by('met').length, unmet: by('unmet'), invalid: by('invalid'), missing: by('missing'), read };
}

test('the committed sample scores as it was built to', async () => {
  const s = await statuses(fs.readFileSync(SAMPLE));
  expect({ unmet: s.unmet, invalid: s.invalid, missing: s.missing }).toEqual(SAMPLE_EXPECTED);
  expect(s.met).toBe(57 - 11);
  expect(s.read.sheetNames).toEqual(['Phụ lục', 'Thông tin chung']);
});

test('the committed sample is up to date with its builder (else run: npx tsx examples/build-sample.ts)', async () => {
  const fresh = await buildSample();
  const a = readWorkbookSnapshot(await loadWorkbook(fs.readFileSync(SAMPLE))).snapshot;
  const b = readWorkbookSnapshot(await loadWorkbook(fresh)).snapshot;
  expect(b).toEqual(a);
});
