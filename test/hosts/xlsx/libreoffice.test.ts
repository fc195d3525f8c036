/**
 * A reader no one here wrote: LibreOffice Calc opens the scored copies (`soffice --headless
 * --convert-to csv`, every sheet, a private profile, a timeout) without error, and the scored
 * sheet holds the same values as the input's. Not skipped when soffice is missing: it fails
 * saying what to install (.ci/run installs it).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildAppendixSheet, sampleValues } from '../../../src/testing/appendix';
import { writePackage } from '../../fixtures/packages';
import { ROOT, loadCriteria } from './helpers';
import { scoreBytes } from './package-helpers';

function soffice(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, 'soffice');
    if (fs.existsSync(p)) return p;
  }
  throw new Error('soffice (LibreOffice) is not installed: install the Debian package libreoffice-calc-nogui (apt-get install libreoffice-calc-nogui) to run this test');
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnlc-lo-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every sheet of the file as CSV, by sheet name, as LibreOffice converts it. */
function convert(file: string): Map<string, string> {
  const out = path.join(dir, path.basename(file, '.xlsx'));
  fs.mkdirSync(out, { recursive: true });
  // Filter options: comma, double quote, UTF-8, from line 1, …, all sheets (-1), one file each.
  execFileSync(
    soffice(),
    [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', out, file],
    { timeout: 120_000, stdio: 'pipe' },
  );
  const sheets = new Map<string, string>();
  const base = path.basename(file, '.xlsx');
  for (const f of fs.readdirSync(out)) if (f.startsWith(base + '-') && f.endsWith('.csv')) sheets.set(f.slice(base.length + 1, -4), fs.readFileSync(path.join(out, f), 'utf8'));
  return sheets;
}

const criteria = loadCriteria();

const cases: Array<[string, () => Promise<Buffer>]> = [
  ['the bundled example', async () => fs.readFileSync(path.join(ROOT, 'examples', 'phu-luc-thanh-pho-mau.xlsx'))],
  ['a workbook saved by openpyxl, with notes, a table and names', async () => writePackage(buildAppendixSheet(criteria, sampleValues(criteria)), 'openpyxl', { otherSheets: 1, notes: true, table: true, names: true, validation: true, conditionalFormat: true })],
];

test.each(cases)('LibreOffice opens the scored copy of %s: the same values, and the summary sheet', async (_name, make) => {
  const input = await make();
  const { buffer, sheet } = await scoreBytes(input);
  const inFile = path.join(dir, 'goc.xlsx');
  const outFile = path.join(dir, 'da-cham.xlsx');
  fs.writeFileSync(inFile, input);
  fs.writeFileSync(outFile, buffer);
  const before = convert(inFile);
  const after = convert(outFile);
  expect(after.get(sheet)).toBeDefined();
  expect(after.get(sheet)).toBe(before.get(sheet));
  for (const [name, csv] of before) expect({ name, csv: after.get(name) }).toEqual({ name, csv });
  expect(after.get('Tổng hợp GNLC')).toMatch(/^gnlc-summary:v1|gnlc-summary:v1/);
}, 300_000);
