/**
 * Builds examples/returns/*.xlsx: five departments' returns of the fictional city "Thành phố Hải
 * Vân" (2025), as a coordinator receives them, to try `gnlc consolidate` on:
 *
 * - so-giao-duc-dao-tao.xlsx — Sở GD&ĐT, the standing agency: a city template (all 57 rows), its
 *   header naming it by abbreviation; its own 17 indicators (1.1.1.a short of its target), plus
 *   two figures it compiled for others: 1.3.2.f = 98 (Sở Y tế says 100: the one conflict, settled
 *   for the responsible department) and 1.1.3.a = 60 (Sở Nội vụ's figure; Sở Nội vụ sent nothing).
 * - so-y-te.xlsx — Sở Y tế: its department template.
 * - so-lao-dong-tbxh.xlsx — Sở LĐ-TB&XH: its department template with the department deleted from
 *   the header (the department is guessed from the rows filled, and flagged to confirm).
 * - cong-an-thanh-pho.xlsx — Công an: its template, trends given as last year's and this year's figures.
 * - so-van-hoa-the-thao.xlsx — Sở VH&TT: typed in the seed's own appendix layout, not a template.
 *
 * Sở Nội vụ, asked too, has not replied: with the parties no one asked (UBND quận/huyện, Sở KH&ĐT,
 * …) it is listed among the parties that sent no return.
 *
 *   npx tsx examples/build-returns.ts [output-folder]
 *
 * The files are generated, and committed; running the script again gives the same bytes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CriteriaSet, listIndicators, parseCriteriaText } from '../src/core/criteria';
import { TemplateOptions, buildTemplate } from '../src/core/template';
import { createWorkbook, writeTemplateSheet, writeWorkbookBuffer } from '../src/hosts/xlsx/write';
import { buildAppendix, sampleValues } from '../src/testing/appendix';
import { TypedValues, setTemplateHeader, snapshotToWorkbook, stableZip, templateTyping, typeIntoTemplate } from '../test/fixtures/xlsx';

export const RETURNS_DIR = path.join(__dirname, 'returns');
const CRITERIA_FILE = path.join(__dirname, '..', 'criteria', 'gnlc-vn-2019.json');
/** Every date inside the files: a fixed one keeps the bytes stable. */
const DATE = new Date(Date.UTC(2025, 10, 20, 8, 0, 0));
const CITY = 'Thành phố Hải Vân';
const YEAR = 2025;

export const RETURN_FILES = ['so-giao-duc-dao-tao.xlsx', 'so-y-te.xlsx', 'so-lao-dong-tbxh.xlsx', 'cong-an-thanh-pho.xlsx', 'so-van-hoa-the-thao.xlsx'] as const;

/** What consolidating the five returns gives (test/cli/examples.test.ts checks it). */
export const RETURNS_EXPECTED = {
  departments: {
    'so-giao-duc-dao-tao.xlsx': ['Sở Giáo dục và Đào tạo', 'header'],
    'so-y-te.xlsx': ['Sở Y tế', 'header'],
    'so-lao-dong-tbxh.xlsx': ['Sở Lao động - Thương binh và Xã hội', 'inferred'],
    'cong-an-thanh-pho.xlsx': ['Công an Thành phố', 'header'],
    'so-van-hoa-the-thao.xlsx': ['Sở Văn hóa và Thể thao', 'inferred'],
  },
  conflict: { id: '1.3.2.f', chosen: 'so-y-te.xlsx' },
  unmet: ['1.1.1.a', '2.2.1.b'],
  /** Asked for a return, has sent none. */
  missingAsked: 'Sở Nội vụ',
} as const;

export function loadExampleCriteria(): CriteriaSet {
  const loaded = parseCriteriaText(fs.readFileSync(CRITERIA_FILE, 'utf8'));
  if (!loaded.ok) throw new Error('criteria file does not validate: ' + loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return loaded.criteria;
}

/** Figures that meet every target, as a department types them into a template (ratings from the list). */
export function metTyping(criteria: CriteriaSet): TypedValues {
  const ratings = new Set<string>();
  for (const { indicator } of listIndicators(criteria)) for (const f of indicator.fields) if (f.kind === 'rating') ratings.add(`${indicator.id}/${f.key}`);
  return templateTyping(sampleValues(criteria), ratings);
}

/** The ids a party is responsible for (the criteria's spelling). */
function idsOf(criteria: CriteriaSet, party: string): string[] {
  return listIndicators(criteria)
    .filter((p) => p.indicator.responsible === party)
    .map((p) => p.indicator.id);
}

/** A template written through the xlsx host, filled in by code, its header changed as the sender changed it. */
export async function templateReturn(
  criteria: CriteriaSet,
  options: TemplateOptions,
  values: TypedValues,
  header: Record<string, string | number | null> = {},
  creator = 'gnlc',
): Promise<Buffer> {
  const template = buildTemplate(criteria, options);
  const wb = createWorkbook({ creator, date: DATE, title: String(template.rows[1]?.[0]?.value ?? '') });
  const ws = wb.addWorksheet(template.name);
  writeTemplateSheet(ws, template);
  typeIntoTemplate(ws, template.valueCells, values);
  setTemplateHeader(ws, template.headerCells, header);
  return stableZip(await writeWorkbookBuffer(wb));
}

export async function buildReturns(): Promise<Array<{ file: (typeof RETURN_FILES)[number]; data: Buffer }>> {
  const criteria = loadExampleCriteria();
  const met = metTyping(criteria);
  const pick = (party: string): TypedValues => Object.fromEntries(idsOf(criteria, party).map((id) => [id, met[id]!]));
  const common = { city: CITY, year: YEAR };

  const education = await templateReturn(
    criteria,
    { ...common, contact: 'Nguyễn Thị Minh Thu, Phòng Giáo dục thường xuyên, 0236 3 812 345' },
    {
      ...pick('Sở Giáo dục và Đào tạo'),
      '1.1.1.a': { value: 93.8 }, // needs ≥ 95%
      '1.3.2.f': { value: 98 }, // Sở Y tế's indicator: its own return says 100
      '1.1.3.a': { value: 60 }, // Sở Nội vụ's indicator, compiled by the standing agency
    },
    { department: 'Sở GD&ĐT' },
    'Sở Giáo dục và Đào tạo thành phố Hải Vân',
  );
  const health = await templateReturn(
    criteria,
    { ...common, department: 'Sở Y tế', contact: 'Trần Văn Bình, Phòng Kế hoạch - Tài chính' },
    { '1.3.2.e': { value: 100 }, '1.3.2.f': { value: 100 } },
    {},
    'Sở Y tế thành phố Hải Vân',
  );
  const labour = await templateReturn(
    criteria,
    { ...common, department: 'Sở LĐ-TB&XH', contact: 'Lê Thị Hoa' },
    pick('Sở Lao động - Thương binh và Xã hội'),
    // The department's name was deleted from the header: it will be guessed, and flagged.
    { department: null },
    'Sở Lao động - Thương binh và Xã hội',
  );
  const police = await templateReturn(
    criteria,
    { ...common, department: 'Công an TP', contact: 'Phòng Tham mưu' },
    {
      '1.3.2.b': { 'trend@previous': 1250, 'trend@current': 1100 },
      '1.3.2.c': { trend: 'Giảm' },
      '1.3.2.d': { 'trend@previous': 12, 'trend@current': 15.5 },
    },
    {},
    'Công an thành phố Hải Vân',
  );
  // The seed's appendix layout, only the culture department's rows, typed as it types them.
  const culture = buildAppendix(criteria, { '1.2.3.a': { value: '55,5%' }, '2.2.1.b': { value: 40 } }, { onlyParty: 'Sở Văn hóa và Thể thao' }, 'Phụ lục').sheet;
  const cultureBook = snapshotToWorkbook([culture]);
  cultureBook.creator = 'Sở Văn hóa và Thể thao thành phố Hải Vân';
  cultureBook.created = DATE;
  cultureBook.modified = DATE;
  const cultureData = await stableZip(Buffer.from(await cultureBook.xlsx.writeBuffer()));

  return [
    { file: 'so-giao-duc-dao-tao.xlsx', data: education },
    { file: 'so-y-te.xlsx', data: health },
    { file: 'so-lao-dong-tbxh.xlsx', data: labour },
    { file: 'cong-an-thanh-pho.xlsx', data: police },
    { file: 'so-van-hoa-the-thao.xlsx', data: cultureData },
  ];
}

if (require.main === module) {
  const target = process.argv[2] ?? RETURNS_DIR;
  buildReturns().then(
    (files) => {
      fs.mkdirSync(target, { recursive: true });
      for (const { file, data } of files) {
        const p = path.join(target, file);
        fs.writeFileSync(p, data);
        process.stdout.write(`${path.relative(process.cwd(), p) || p}: ${data.length} bytes\n`);
      }
    },
    (e) => {
      process.stderr.write(String(e?.stack ?? e) + '\n');
      process.exitCode = 1;
    },
  );
}
