/**
 * Builds examples/phu-luc-thanh-pho-mau.xlsx: the appendix of a fictional city ("Thành phố Hải
 * Vân", 2025) laid out like the seed's appendix, filled the way departments fill it — figures
 * typed as numbers, as Vietnamese text ("95,5%", "1.250"), fractions in %-formatted cells, a
 * formula — with a realistic mix of results: most indicators met, some unmet, some invalid
 * (Nam + Nữ ≠ Tổng, a #DIV/0! formula, a date where a percent belongs), some without data.
 *
 *   npx tsx examples/build-sample.ts [output.xlsx]
 *
 * The file is generated, and committed; running the script again gives the same bytes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseCriteriaText } from '../src/core/criteria';
import { FillSpec, SheetSnapshot, toA1 } from '../src/core/snapshot';
import { FixtureValues, buildAppendix, sampleValues, withValue } from '../src/testing/appendix';
import { snapshotToWorkbook, stableZip } from '../test/fixtures/xlsx';

export const SAMPLE_FILE = path.join(__dirname, 'phu-luc-thanh-pho-mau.xlsx');
const CRITERIA_FILE = path.join(__dirname, '..', 'criteria', 'gnlc-vn-2019.json');

/** What the sample is built to score as (the sample test checks it). */
export const SAMPLE_EXPECTED = {
  unmet: ['1.1.1.a', '1.2.1.a', '1.3.1.c', '1.3.2.a', '2.1.3.a'],
  invalid: ['2.1.1.a', '2.2.1.a', '2.3.3.a'],
  missing: ['2.2.2.c', '2.5.3.a', '3.3.4.a'],
} as const;

function sampleFigures(values: FixtureValues): FixtureValues {
  let v = values;
  // Unmet: valid figures that miss their targets.
  v = withValue(v, '1.1.1.a', 'value', '93,8%'); // needs ≥ 95%
  v = withValue(v, '1.2.1.a', 'value', 128); // GDP per head, % of national: needs ≥ 150
  v = withValue(v, '1.3.1.c', 'trend', 'Tăng'); // greenhouse gases must fall
  v = withValue(v, '1.3.2.a', 'value', '6,5 %'); // makeshift housing: needs ≤ 5%
  v = withValue(v, '2.1.3.a', 'value', { value: 0.312, numberFormat: '0.0%' }); // needs ≥ 35%
  // Invalid: cells that cannot be figures, or figures that contradict each other.
  v = withValue(v, '2.1.1.a', 'male', '1.250');
  v = withValue(v, '2.1.1.a', 'female', 1180);
  v = withValue(v, '2.1.1.a', 'total', '2.450'); // 1.250 + 1.180 = 2.430
  v = withValue(v, '2.2.1.a', 'value', { value: '#DIV/0!', type: 'error' }); // a formula dividing by an empty cell
  v = withValue(v, '2.3.3.a', 'value', { value: 45731, numberFormat: 'dd/mm/yyyy' }); // a date typed where a percent belongs
  // Missing: not reported yet.
  v = withValue(v, '2.2.2.c', 'value', 'chưa có số liệu');
  v = withValue(v, '2.5.3.a', 'value', null);
  v = withValue(v, '3.3.4.a', 'rating', 'Đang cập nhật');
  return v;
}

/** The appendix sheet, retitled for the fictional city, and where its value cells are. */
export function buildSampleSheet(): { sheet: SheetSnapshot; formulas: Record<string, string>; valueCells: Record<string, Record<string, string>> } {
  const loaded = parseCriteriaText(fs.readFileSync(CRITERIA_FILE, 'utf8'));
  if (!loaded.ok) throw new Error('criteria file does not validate: ' + loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  const criteria = loaded.criteria;
  const built = buildAppendix(criteria, sampleFigures(sampleValues(criteria)), { columnOrder: ['stt', 'standard', 'criterion', 'indicator', 'responsible', 'data', 'note'] });
  const sheet = built.sheet;
  // The seed's title rows name Hà Nội and leave the plan's number blank; this city filled them in.
  for (const row of sheet.cells) {
    for (let i = 0; i < row.length; i++) {
      const c = row[i];
      if (!c || typeof c.value !== 'string') continue;
      if (c.value.startsWith('Thực hiện Kế hoạch')) row[i] = { value: 'Thực hiện Kế hoạch xây dựng Thành phố Hải Vân trở thành thành viên Mạng lưới “Thành phố học tập toàn cầu” của UNESCO' };
      else if (c.value.startsWith('(Kèm theo')) row[i] = { value: '(Kèm theo Kế hoạch số 45/KH-UBND ngày 12/3/2025 của UBND thành phố Hải Vân — số liệu năm 2025)' };
      else if (c.value === 'Hội Khuyến học Hà Nội') row[i] = { value: 'Hội Khuyến học thành phố Hải Vân' };
    }
  }
  const valueCells: Record<string, Record<string, string>> = {};
  for (const [id, exp] of Object.entries(built.expected)) valueCells[id] = exp.valueCells;
  // Tổng typed as a formula (=Nam+Nữ) where a department let Excel add up: its cached result is what is scored.
  const entry = valueCells['2.1.2.a']!;
  const formulas: Record<string, string> = {
    [entry.entry_total!]: `${entry.entry_male!}+${entry.entry_female!}`,
    [entry.completion_total!]: `${entry.completion_male!}+${entry.completion_female!}`,
    // The #DIV/0! of 2.2.1.a comes from a formula dividing by an empty cell.
    [valueCells['2.2.1.a']!.value!]: 'Z1/Z2*100',
  };
  // Give the formula cells the numbers their formulas compute.
  const at = (address: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(m[2]) - 1 - sheet.origin.row, col: col - sheet.origin.col };
  };
  const num = (address: string) => {
    const p = at(address);
    const v = sheet.cells[p.row]?.[p.col]?.value;
    return typeof v === 'number' ? v : Number(String(v).replace(/\./g, ''));
  };
  for (const [total, parts] of [
    [entry.entry_total!, [entry.entry_male!, entry.entry_female!]],
    [entry.completion_total!, [entry.completion_male!, entry.completion_female!]],
  ] as const) {
    const p = at(total);
    sheet.cells[p.row]![p.col] = { value: num(parts[0]) + num(parts[1]), numberFormat: '#,##0' };
    for (const part of parts) {
      const q = at(part);
      sheet.cells[q.row]![q.col] = { value: num(part), numberFormat: '#,##0' };
    }
  }
  // A few fills a department left: pale yellow on the cells it was asked to fill in, a white cell.
  const fills = new Map<string, FillSpec>();
  for (const id of ['1.1.1.b', '1.1.2.a', '2.4.2.a', '2.4.2.b']) for (const cell of Object.values(valueCells[id]!)) fills.set(cell, { color: '#FFF2CC' });
  fills.set(valueCells['1.3.1.a']!.value!, { color: '#FFFFFF' });
  sheet.fills = fills;
  return { sheet, formulas, valueCells };
}

/** "Thông tin chung": who sends the appendix. A second sheet, so the appendix has to be found. */
function infoSheet(): SheetSnapshot {
  const rows: Array<[string, string]> = [
    ['Thành phố', 'Thành phố Hải Vân'],
    ['Năm báo cáo', '2025'],
    ['Cơ quan tổng hợp', 'Sở Giáo dục và Đào tạo thành phố Hải Vân'],
    ['Người liên hệ', 'Nguyễn Thị Minh Thu, Phòng Giáo dục thường xuyên'],
    ['Điện thoại', '0236 3 812 345'],
    ['Ghi chú', 'Số liệu sơ bộ; các sở, ngành cập nhật số liệu chính thức trước ngày 30/11/2025.'],
  ];
  return { name: 'Thông tin chung', origin: { row: 0, col: 0 }, cells: rows.map(([a, b]) => [{ value: a }, { value: b }]), merges: [] };
}

export async function buildSample(): Promise<Buffer> {
  const { sheet, formulas } = buildSampleSheet();
  const info = infoSheet();
  const headerRow = sheet.cells.findIndex((r) => r.some((c) => c?.value === 'Tiêu chuẩn')) + sheet.origin.row;
  const wb = snapshotToWorkbook([sheet, info], {
    formulas: { [sheet.name]: formulas },
    headerRows: { [sheet.name]: headerRow, [info.name]: -1 },
    columnWidths: { [info.name]: [22, 70] },
  });
  wb.title = 'Phụ lục — Phân công nhiệm vụ (Thành phố Hải Vân, 2025)';
  wb.creator = 'Sở Giáo dục và Đào tạo thành phố Hải Vân';
  wb.lastModifiedBy = 'Sở Giáo dục và Đào tạo thành phố Hải Vân';
  const ws = wb.getWorksheet(sheet.name)!;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow + 1, topLeftCell: toA1(headerRow + 1, 0) }];
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return stableZip(Buffer.from(await wb.xlsx.writeBuffer()));
}

if (require.main === module) {
  const target = process.argv[2] ?? SAMPLE_FILE;
  buildSample().then(
    (data) => {
      fs.writeFileSync(target, data);
      process.stdout.write(`${path.relative(process.cwd(), target) || target}: ${data.length} bytes\n`);
    },
    (e) => {
      process.stderr.write(String(e?.stack ?? e) + '\n');
      process.exitCode = 1;
    },
  );
}
