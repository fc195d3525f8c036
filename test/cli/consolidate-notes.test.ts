/**
 * `gnlc consolidate` carries the returns' notes: two template returns written as files, notes typed
 * into their "Ghi chú" column (one renamed "Notes" and moved, as a department might), consolidated
 * into a master whose note cells hold every note by department, the responsible one's first; notes
 * too long together for one Excel cell are cut with a marker and the command says so.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { EXCEL_CELL_LIMIT } from '../../src/core/consolidate';
import { listIndicators } from '../../src/core/criteria';
import { TEMPLATE_COL } from '../../src/core/layout';
import { parseA1 } from '../../src/core/snapshot';
import { TemplateOptions, TemplateSheet, buildTemplate } from '../../src/core/template';
import { loadWorkbook } from '../../src/hosts/xlsx';
import { templateReturn } from '../../examples/build-returns';
import { gnlc, lines, loadCriteria, scratch } from './helpers';

const criteria = loadCriteria();
const GD = 'Sở Giáo dục và Đào tạo';
const GD_ID = listIndicators(criteria).find((p) => p.indicator.responsible === GD)!.indicator.id;

/** A template return as a file, with notes typed into its note column (`notes`: id → text) and its note heading changed. */
async function returnWithNotes(options: TemplateOptions, values: Record<string, Record<string, number>>, header: Record<string, string>, notes: Record<string, string>, heading?: string): Promise<Buffer> {
  const template: TemplateSheet = buildTemplate(criteria, options);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await templateReturn(criteria, options, values, header)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  for (const [id, text] of Object.entries(notes)) {
    const row = parseA1(Object.values(template.valueCells[id]!)[0]!)!.row;
    ws.getCell(row + 1, TEMPLATE_COL.note + 1).value = text;
  }
  if (heading !== undefined) ws.getCell(template.headerRow + 1, TEMPLATE_COL.note + 1).value = heading;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The note cell of an indicator's first row in the master sheet. */
function masterNote(ws: ExcelJS.Worksheet, id: string): string {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, TEMPLATE_COL.id + 1).value === id) return String(ws.getCell(r, TEMPLATE_COL.note + 1).value ?? '');
  throw new Error(`no row for ${id}`);
}

let dir: string;
beforeAll(() => {
  dir = scratch();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function consolidateFiles(files: Array<[string, Buffer]>, ...extra: string[]) {
  const paths = files.map(([name, data]) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, data);
    return p;
  });
  const out = path.join(dir, `master-${Math.random().toString(36).slice(2)}.xlsx`);
  const report = out.replace(/\.xlsx$/, '.json');
  const run = await gnlc('consolidate', ...paths, '--out', out, '--report', report, ...extra);
  const wb = await loadWorkbook(fs.readFileSync(out));
  return { run, ws: wb.getWorksheet('Tổng hợp số liệu')!, report: JSON.parse(fs.readFileSync(report, 'utf8')) as { indicators: Array<{ id: string; sources: Array<{ return: string; note?: string }> }>; notes: Array<{ code: string; id?: string; text: string }> } };
}

test('the master\'s note cells hold every return\'s notes, by department, the responsible department\'s first', async () => {
  const health = await returnWithNotes({ department: 'Sở Y tế', city: 'Hải Vân', year: 2025 }, { '1.3.2.e': { value: 100 } }, {}, { '1.3.2.e': 'Số liệu của CDC thành phố', '1.3.2.f': 'Chưa có số liệu quý IV' });
  // The education department's city template: its notes column headed "Notes" by hand.
  const education = await returnWithNotes({ city: 'Hải Vân', year: 2025 }, { [GD_ID]: { value: 99 } }, { department: 'Sở GD&ĐT' }, { '1.3.2.e': 'Chỉ tính trường công lập', [GD_ID]: 'Số liệu sơ bộ' }, 'Notes');
  const { run, ws, report } = await consolidateFiles([
    ['a-giao-duc.xlsx', education],
    ['b-y-te.xlsx', health],
  ]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(masterNote(ws, '1.3.2.e')).toMatch(new RegExp(`^b-y-te\\.xlsx › G\\d+\\nSở Y tế: Số liệu của CDC thành phố\\n${GD}: Chỉ tính trường công lập$`));
  expect(masterNote(ws, '1.3.2.f')).toMatch(/^b-y-te\.xlsx › G\d+\nSở Y tế: Chưa có số liệu quý IV$/);
  expect(masterNote(ws, GD_ID)).toMatch(new RegExp(`^a-giao-duc\\.xlsx › G\\d+\\n${GD}: Số liệu sơ bộ$`));
  // An indicator no one wrote a note on keeps its source alone.
  expect(masterNote(ws, '1.3.2.a')).toMatch(/^a-giao-duc\.xlsx › G\d+$/);
  // The report keeps each return's note with its source.
  expect(report.indicators.find((i) => i.id === '1.3.2.e')!.sources.map((s) => [s.return, s.note])).toEqual([
    ['a-giao-duc.xlsx', 'Chỉ tính trường công lập'],
    ['b-y-te.xlsx', 'Số liệu của CDC thành phố'],
  ]);
  expect(report.notes.filter((n) => n.code === 'note-cut')).toEqual([]);
}, 60000);

test('notes too long together for one cell: both kept, cut with a marker, within Excel\'s limit; the command warns', async () => {
  const long = (word: string) => `${word} `.repeat(20_000 / (word.length + 1)).trim();
  const health = await returnWithNotes({ department: 'Sở Y tế' }, {}, {}, { '1.3.2.e': long('yte') });
  const education = await returnWithNotes({}, {}, { department: 'Sở GD&ĐT' }, { '1.3.2.e': long('giaoduc') });
  const { run, ws, report } = await consolidateFiles([
    ['c-y-te.xlsx', health],
    ['d-giao-duc.xlsx', education],
  ]);
  expect(run.code).toBe(0);
  const note = masterNote(ws, '1.3.2.e');
  expect(note.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
  const marker = '… [đã cắt bớt: quá dài cho một ô Excel; xem đủ trong báo cáo của đơn vị]';
  expect(note).toMatch(new RegExp(`^c-y-te\\.xlsx › G\\d+\\nSở Y tế: (yte ){3000,}[a-z]*${escape(marker)}\\n${GD}: (giaoduc ){1500,}[a-z]*${escape(marker)}$`));
  const out = lines(run.stdout);
  expect(out).toContain('Lưu ý:');
  expect(out).toContainEqual(expect.stringMatching(/^ {2}Ghi chú của các đơn vị cho chỉ số 1\.3\.2\.e \(c-y-te\.xlsx, d-giao-duc\.xlsx\) dài 40\.0\d\d ký tự, quá giới hạn 32\.767 ký tự của một ô Excel/));
  expect(report.notes).toContainEqual(expect.objectContaining({ code: 'note-cut', id: '1.3.2.e' }));
  expect(report.indicators.find((i) => i.id === '1.3.2.e')!.sources.map((s) => s.note)).toEqual([long('yte'), long('giaoduc')]);
}, 60000);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
