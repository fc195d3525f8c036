/**
 * The returns' notes columns: the mapper finds a return's notes column ("Ghi chú", "Ghi chu",
 * "Notes", "Remarks"…, wherever it stands), each indicator's entry carries what the department
 * wrote there (not what the template printed), and consolidation carries every return's note into
 * the master sheet's note column, by department, within Excel's cell limit.
 */
import { listIndicators } from '../../src/core/criteria';
import { EXCEL_CELL_LIMIT, ReturnInput, buildMasterSheet, composeNotes, consolidate } from '../../src/core/consolidate';
import { TEMPLATE_COL } from '../../src/core/layout';
import { mapSheet, readEntries } from '../../src/core/mapping';
import { scoreAll } from '../../src/core/score';
import { SheetSnapshot, parseA1, toA1 } from '../../src/core/snapshot';
import { TemplateSheet, buildTemplate } from '../../src/core/template';
import { buildAppendix } from '../../src/testing/appendix';
import { loadCriteria } from './helpers';
import { cellValue, fillTemplate, toSnapshot, typeInto } from './template-helpers';

const criteria = loadCriteria();
const GD = 'Sở Giáo dục và Đào tạo';
const YT = 'Sở Y tế';
const idsOf = (party: string) =>
  listIndicators(criteria)
    .filter((p) => p.indicator.responsible === party)
    .map((p) => p.indicator.id);

/** The note cell on the row of an indicator's field in a template (or a master sheet). */
function noteCell(sheet: TemplateSheet, id: string, key?: string): string {
  const cells = sheet.valueCells[id]!;
  const at = parseA1(cells[key ?? Object.keys(cells)[0]!]!)!;
  return toA1(at.row, TEMPLATE_COL.note);
}

function entriesOf(sheet: SheetSnapshot) {
  return readEntries(sheet, mapSheet(sheet, criteria), criteria);
}

function returnFrom(name: string, sheet: SheetSnapshot, department?: string): ReturnInput {
  const mapping = mapSheet(sheet, criteria);
  const out: ReturnInput = { name, entries: readEntries(sheet, mapping, criteria), mappedIds: Object.keys(mapping.placements) };
  if (mapping.header) out.header = mapping.header;
  if (department !== undefined) out.department = department;
  return out;
}

/** The sheet with its columns in another order: `order[i]` is the old column shown at column i. */
function reorderColumns(sheet: SheetSnapshot, order: number[]): SheetSnapshot {
  return { ...sheet, cells: sheet.cells.map((row) => order.map((c) => row[c] ?? null)), merges: sheet.merges.filter((m) => m.right < 4) };
}

describe('the mapper reads a return\'s notes column', () => {
  const template = buildTemplate(criteria, { department: YT, city: 'Hà Nội', year: 2024 });

  test('what a department writes in the note cell is the indicator\'s note; the printed target is not', () => {
    const sheet = fillTemplate(template, { '1.3.2.e': { value: 100 }, '1.3.2.f': { value: 100 } });
    typeInto(sheet, noteCell(template, '1.3.2.e'), 'Số liệu ước tính đến tháng 11');
    const entries = entriesOf(sheet);
    expect(entries.get('1.3.2.e')!.note).toEqual({ text: 'Số liệu ước tính đến tháng 11', cells: [noteCell(template, '1.3.2.e')] });
    // 1.3.2.f's note cell still holds what the template printed ("Mục tiêu: …"): no note.
    expect(String(cellValue(template, noteCell(template, '1.3.2.f')))).toMatch(/^Mục tiêu: /);
    expect(entries.get('1.3.2.f')!.note).toBeUndefined();
  });

  test('a note written after the printed target keeps only the department\'s words; notes on several rows are one note, a line each', () => {
    const printed = String(cellValue(template, noteCell(template, '1.3.2.e')));
    const sheet = fillTemplate(template, {});
    typeInto(sheet, noteCell(template, '1.3.2.e'), `${printed}. Nguồn: Trung tâm Kiểm soát bệnh tật`);
    const police = buildTemplate(criteria, { department: 'Công an TP' });
    const ca = fillTemplate(police, { '1.3.2.b': { 'trend@previous': 1250, 'trend@current': 1100 } });
    typeInto(ca, noteCell(police, '1.3.2.b', 'trend@previous'), 'Năm 2023: số liệu cả năm');
    typeInto(ca, noteCell(police, '1.3.2.b', 'trend@current'), 'Năm 2024: đến 30/11');
    expect(entriesOf(sheet).get('1.3.2.e')!.note!.text).toBe('Nguồn: Trung tâm Kiểm soát bệnh tật');
    const note = entriesOf(ca).get('1.3.2.b')!.note!;
    expect(note.text).toBe('Năm 2023: số liệu cả năm\nNăm 2024: đến 30/11');
    expect(note.cells).toEqual([noteCell(police, '1.3.2.b', 'trend@previous'), noteCell(police, '1.3.2.b', 'trend@current')]);
    // The pair note the template printed on the previous-year row is not a note either.
    expect(entriesOf(fillTemplate(police, {})).get('1.3.2.b')!.note).toBeUndefined();
  });

  // Headings in Vietnamese with and without diacritics, in capitals, in English; the column where the template puts it, or moved.
  const headings = ['Ghi chú', 'Ghi chu', 'GHI CHÚ', 'Ghi chú (nguồn số liệu)', 'Note', 'Notes', 'Remarks', 'Comments'];
  // id, standard, criterion, indicator, then: note, value, responsible, figure, field key, unit, status.
  const moved = [0, 1, 2, 3, 10, 6, 4, 5, 9, 7, 8];
  const canonical = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  for (const heading of headings)
    for (const [order, where] of [
      [canonical, 'its own place'],
      [moved, 'moved before the value column'],
    ] as const)
      test(`the notes column headed "${heading}", ${where}`, () => {
        const sheet = fillTemplate(template, { '1.3.2.e': { value: 100 } });
        const header = parseA1(noteCell(template, '1.3.2.e'))!;
        typeInto(sheet, toA1(template.headerRow, TEMPLATE_COL.note), heading);
        typeInto(sheet, noteCell(template, '1.3.2.f'), 'Chưa có số liệu năm 2024');
        const shown = reorderColumns(sheet, order);
        const noteColumn = order.indexOf(TEMPLATE_COL.note);
        const entries = entriesOf(shown);
        expect(entries.get('1.3.2.e')!.fields.value!.reading).toMatchObject({ status: 'value', value: 100 });
        expect(entries.get('1.3.2.e')!.note).toBeUndefined();
        expect(entries.get('1.3.2.f')!.note).toEqual({ text: 'Chưa có số liệu năm 2024', cells: [toA1(header.row + 1, noteColumn)] });
      });

  test('an English template: its "Note" column is read the same, its printed target ignored', () => {
    const en = buildTemplate(criteria, { department: YT, lang: 'en' });
    const sheet = fillTemplate(en, { '1.3.2.e': { value: 100 } });
    typeInto(sheet, noteCell(en, '1.3.2.f'), 'Estimated from the first three quarters');
    const entries = entriesOf(sheet);
    expect(entries.get('1.3.2.e')!.note).toBeUndefined();
    expect(entries.get('1.3.2.f')!.note!.text).toBe('Estimated from the first three quarters');
  });

  test('the appendix as printed: its "Ghi chú" column (merged over an indicator\'s rows) read once per indicator, under any heading', () => {
    const built = buildAppendix(criteria, {}, { columnOrder: ['standard', 'criterion', 'indicator', 'responsible', 'data', 'note'] });
    const withNote = Object.values(built.expected).filter((e) => built.sheet.cells[e.row]?.[built.columns.note!]?.value === 'Số liệu sơ bộ, cập nhật 2023');
    expect(withNote.length).toBeGreaterThan(3);
    for (const heading of ['Ghi chú', 'ghi chu', 'Remarks']) {
      typeInto(built.sheet, toA1(built.headerRow, built.columns.note!), heading);
      const entries = entriesOf(built.sheet);
      for (const e of Object.values(built.expected)) {
        const expected = withNote.includes(e) ? { text: 'Số liệu sơ bộ, cập nhật 2023', cells: [toA1(e.row, built.columns.note!)] } : undefined;
        expect([heading, e.id, entries.get(e.id)!.note]).toEqual([heading, e.id, expected]);
      }
    }
  });
});

describe('consolidation carries every return\'s notes into the master', () => {
  // Sở Y tế's own template, and the education department's city template (its header naming it).
  const ytT = buildTemplate(criteria, { department: YT, city: 'Hà Nội', year: 2024 });
  const gdT = buildTemplate(criteria, { city: 'Hà Nội', year: 2024 });
  const gdId = idsOf(GD)[0]!;
  const ubId = '1.1.3.a'; // Sở Nội vụ's: neither return is responsible

  function returns(notes: { yt?: Record<string, string>; gd?: Record<string, string> }): ReturnInput[] {
    const yt = fillTemplate(ytT, { '1.3.2.e': { value: 100 }, '1.3.2.f': { value: 100 } });
    for (const [id, text] of Object.entries(notes.yt ?? {})) typeInto(yt, noteCell(ytT, id), text);
    const gd = fillTemplate(gdT, { [gdId]: { value: 99 }, '1.3.2.e': { value: 100 } });
    typeInto(gd, gdT.headerCells.department, 'Sở GD&ĐT');
    for (const [id, text] of Object.entries(notes.gd ?? {})) typeInto(gd, noteCell(gdT, id), text);
    // The education department's return first: the order given is not the order of the notes for Sở Y tế's indicator.
    return [returnFrom('Sở GD&ĐT.xlsx', gd), returnFrom('Sở Y tế.xlsx', yt)];
  }

  function master(inputs: ReturnInput[], lang: 'vi' | 'en' = 'vi') {
    const c = consolidate(criteria, inputs);
    const sheet = buildMasterSheet(criteria, c, scoreAll(criteria, c.entries), { lang });
    return { c, sheet, note: (id: string, key?: string) => cellValue(sheet, noteCell(sheet, id, key)) };
  }

  test('notes on the same indicator and on different ones: each kept, after its department\'s name, the responsible department\'s first', () => {
    const { c, sheet, note } = master(
      returns({
        yt: { '1.3.2.e': 'Số liệu của CDC thành phố', '1.3.2.f': 'Đã kiểm tra lại' },
        gd: { '1.3.2.e': 'Chỉ tính trường công lập', [gdId]: 'Số liệu sơ bộ', [ubId]: 'Do Sở Nội vụ cung cấp' },
      }),
    );
    const source = (id: string) => `Sở Y tế.xlsx › ${ytT.valueCells[id]!.value}`;
    expect(note('1.3.2.e')).toBe(`${source('1.3.2.e')}\nSở Y tế: Số liệu của CDC thành phố\n${GD}: Chỉ tính trường công lập`);
    expect(note('1.3.2.f')).toBe(`${source('1.3.2.f')}\nSở Y tế: Đã kiểm tra lại`);
    expect(note(gdId)).toBe(`Sở GD&ĐT.xlsx › ${gdT.valueCells[gdId]!.value}\n${GD}: Số liệu sơ bộ`);
    // A note on an indicator the return gave no figure for still reaches the master (under the blank cell's source).
    expect(note(ubId)).toBe(`Sở GD&ĐT.xlsx › ${gdT.valueCells[ubId]!.value}\n${GD}: Do Sở Nội vụ cung cấp`);
    expect(c.notes['1.3.2.e']!.map((n) => [n.return, n.department, n.responsible, n.cells])).toEqual([
      ['Sở Y tế.xlsx', YT, true, [noteCell(ytT, '1.3.2.e')]],
      ['Sở GD&ĐT.xlsx', GD, false, [noteCell(gdT, '1.3.2.e')]],
    ]);
    expect(c.sources['1.3.2.e']!.map((s) => [s.return, s.note])).toEqual([
      ['Sở GD&ĐT.xlsx', 'Chỉ tính trường công lập'],
      ['Sở Y tế.xlsx', 'Số liệu của CDC thành phố'],
    ]);
    // Rows after the first keep their source alone.
    expect(note('1.3.2.b', 'trend@previous')).toBe(`Sở GD&ĐT.xlsx › ${gdT.valueCells['1.3.2.b']!['trend@previous']}`);
    // The master reads back and scores as the consolidation did, its notes read as the master's own.
    const back = entriesOf(toSnapshot(sheet));
    const again = scoreAll(criteria, back);
    expect(again.map((r) => [r.id, r.status])).toEqual(scoreAll(criteria, c.entries).map((r) => [r.id, r.status]));
    expect(back.get('1.3.2.f')!.note!.text).toBe(`${source('1.3.2.f')}\nSở Y tế: Đã kiểm tra lại`);
    expect(c.issues.filter((i) => i.code === 'note-cut')).toEqual([]);
  });

  test('the same notes give the same master whatever order the returns come in', () => {
    const notes = { yt: { '1.3.2.e': 'A' }, gd: { '1.3.2.e': 'B', [ubId]: 'C' } };
    const [gd, yt] = returns(notes);
    expect(master([gd!, yt!]).note('1.3.2.e')).toBe(master([yt!, gd!]).note('1.3.2.e'));
    // Two returns neither responsible keep the order they were given.
    const ubT = buildTemplate(criteria, {});
    const ub = fillTemplate(ubT, {});
    typeInto(ub, noteCell(ubT, ubId), 'Theo báo cáo của các quận');
    const cell = ubT.valueCells[ubId]!.value;
    expect(master([gd!, returnFrom('UBND.xlsx', ub, 'UBND cấp huyện')]).note(ubId)).toBe(`Sở GD&ĐT.xlsx › ${cell}\n${GD}: C\nUBND quận, huyện, thị xã: Theo báo cáo của các quận`);
    expect(master([returnFrom('UBND.xlsx', ub, 'UBND cấp huyện'), gd!]).note(ubId)).toBe(`UBND.xlsx › ${cell}\nUBND quận, huyện, thị xã: Theo báo cáo của các quận\n${GD}: C`);
  });

  test('two returns of one department: each note named by the department and its return', () => {
    const a = fillTemplate(ytT, {});
    const b = fillTemplate(ytT, {});
    typeInto(a, noteCell(ytT, '1.3.2.e'), 'Bản tháng 10');
    typeInto(b, noteCell(ytT, '1.3.2.e'), 'Bản tháng 11');
    expect(master([returnFrom('YT-10.xlsx', a), returnFrom('YT-11.xlsx', b)]).note('1.3.2.e')).toBe('YT-10.xlsx › ' + ytT.valueCells['1.3.2.e']!.value + '\nSở Y tế (YT-10.xlsx): Bản tháng 10\nSở Y tế (YT-11.xlsx): Bản tháng 11');
  });

  test('notes too long for one Excel cell: every note kept, the long ones cut with a visible marker, and a warning', () => {
    const long = 'Giải trình chi tiết. '.repeat(2500).trim(); // 52,499 characters; with the names, 52,557
    expect(long.length).toBeGreaterThan(EXCEL_CELL_LIMIT);
    for (const lang of ['vi', 'en'] as const) {
      const { c, note } = master(returns({ yt: { '1.3.2.e': long }, gd: { '1.3.2.e': 'Chỉ tính trường công lập' } }), lang);
      const text = String(note('1.3.2.e'));
      expect(text.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
      expect(text.length).toBeGreaterThan(EXCEL_CELL_LIMIT - 2000);
      const marker = lang === 'vi' ? '… [đã cắt bớt: quá dài cho một ô Excel; xem đủ trong báo cáo của đơn vị]' : '… [cut: too long for an Excel cell; the full note is in the return]';
      expect(text).toContain(`\nSở Y tế: Giải trình chi tiết. Giải trình`);
      expect(text).toContain(`${marker}\n${GD}: Chỉ tính trường công lập`);
      // The note is kept whole where nothing limits it: in the consolidation and the report's sources.
      expect(c.notes['1.3.2.e']![0]!.text).toBe(long);
      expect(c.sources['1.3.2.e']!.find((s) => s.return === 'Sở Y tế.xlsx')!.note).toBe(long);
      const cut = c.issues.filter((i) => i.code === 'note-cut');
      expect(cut.map((i) => [i.id, i.return])).toEqual([['1.3.2.e', undefined]]);
      expect(cut[0]!.message.vi).toContain('chỉ số 1.3.2.e (Sở Y tế.xlsx, Sở GD&ĐT.xlsx) dài 52.557 ký tự, quá giới hạn 32.767 ký tự');
      expect(cut[0]!.message.en).toContain('indicator 1.3.2.e (Sở Y tế.xlsx, Sở GD&ĐT.xlsx) run to 52,557 characters');
    }
  });

  test('composeNotes shares the room fairly: short notes whole, long ones cut equally, none dropped', () => {
    const n = (department: string, text: string) => ({ return: `${department}.xlsx`, department, text, cells: [], responsible: false });
    const notes = [n('A', 'x'.repeat(100)), n('B', 'short'), n('C', 'y'.repeat(100))];
    expect(composeNotes(notes, 1000, '~')).toEqual({ text: `A: ${'x'.repeat(100)}\nB: short\nC: ${'y'.repeat(100)}`, cut: false });
    const { text, cut } = composeNotes(notes, 80, '~');
    expect(cut).toBe(true);
    expect(text.length).toBeLessThanOrEqual(80);
    expect(text).toMatch(/^A: x+~\nB: short\nC: y+~$/);
    const [a, , c] = text.split('\n');
    expect(Math.abs(a!.length - c!.length)).toBeLessThanOrEqual(1);
  });
});
