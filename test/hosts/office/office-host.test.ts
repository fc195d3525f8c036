/// <reference types="office-js" />
/**
 * The Office host against the strict fake Excel, with generated appendix workbooks: what a run
 * costs (syncs, calls), what it writes, and what it leaves alone.
 */
import { loadCriteria } from '../../core/helpers';
import { buildAppendix, sampleValues, withValue, FixtureValues } from '../../../src/testing/appendix';
import { CellView, FakeExcel, FakeSheetData, FakeWorkbookData, createFakeExcel, sheetDataFromSnapshot } from '../../../src/testing/fake-excel';
import { OfficeHost, OfficeHostOptions, SUMMARY_CHART_NAME, API_VERSIONS, charsToPoints } from '../../../src/hosts/office';
import { scoreCounted, clearCounted } from './counted';
import { STATE_SHEET, STATUS_FILL, SUMMARY_MARKER, decodeState } from '../../../src/core/plan';
import { SUMMARY_NAME, WritePlan, runScoring } from '../../../src/core/pipeline';
import { SheetSnapshot } from '../../../src/core/snapshot';

const criteria = loadCriteria();
const SHEET = 'Phụ lục';
const SUMMARY = SUMMARY_NAME.vi;

/** Sample values with one indicator of each status besides met. */
function mixedValues(): FixtureValues {
  let v = sampleValues(criteria);
  v = withValue(v, '1.1.1.a', 'value', '93,5%'); // unmet
  v = withValue(v, '1.1.3.a', 'value', '120%'); // invalid
  v = withValue(v, '1.3.1.a', 'value', 'đang cập nhật'); // missing
  return v;
}

function appendix(values: FixtureValues = mixedValues()) {
  return buildAppendix(criteria, values);
}

function book(sheet: SheetSnapshot, extra: FakeSheetData[] = [], options: Parameters<typeof createFakeExcel>[1] = {}): FakeExcel {
  return createFakeExcel({ name: 'Phu-luc.xlsx', sheets: [sheetDataFromSnapshot(sheet), ...extra] }, options);
}

function hostFor(fake: FakeExcel, options: OfficeHostOptions = {}): OfficeHost {
  return new OfficeHost(fake.run, { isSetSupported: () => true, ...options });
}

/** What a person typed: value, formula, number format of every cell (fills excluded). */
function typed(fake: FakeExcel, sheet = SHEET): Record<string, Pick<CellView, 'value' | 'formula' | 'numberFormat' | 'valueType'>> {
  const out: Record<string, Pick<CellView, 'value' | 'formula' | 'numberFormat' | 'valueType'>> = {};
  for (const [a, c] of Object.entries(fake.workbook.sheet(sheet)!.cells()))
    if (c.value !== null || c.formula !== null) out[a] = { value: c.value, formula: c.formula, numberFormat: c.numberFormat, valueType: c.valueType };
  return out;
}

function fills(fake: FakeExcel, sheet = SHEET): Record<string, CellView['fill']> {
  const out: Record<string, CellView['fill']> = {};
  for (const [a, c] of Object.entries(fake.workbook.sheet(sheet)!.cells())) if (c.fill) out[a] = c.fill;
  return out;
}

/** Fill-colour writes on the scored sheet, per sync. */
function fillCalls(fake: FakeExcel, sheet = SHEET) {
  return fake.log.filter((e) => e.write && e.type === 'RangeFill' && e.member === 'color' && e.target?.startsWith(sheet + '!'));
}

describe('one scoring run of the 57-indicator sample', () => {
  test('costs two syncs (read 1 + write 1) and one fill call per colour', async () => {
    const fake = book(appendix().sheet);
    const host = hostFor(fake);
    const result = await scoreCounted(host, criteria, 'vi');
    expect(result.run.summary.totals).toMatchObject({ met: 54, unmet: 1, invalid: 1, missing: 1, total: 57 });
    expect(fake.counters.syncs).toBe(2);
    expect(fake.counters.syncs).toBeLessThanOrEqual(3);
    expect(result.counts).toMatchObject({ syncs: 2, readSyncs: 1, readChunkSyncs: 0, writeSyncs: 1, writeChunkSyncs: 0, probeSyncs: 0, retries: 0 });
    expect(result.counts.writeCalls).toBe(fake.counters.writes);
    const calls = fillCalls(fake);
    expect(calls.every((c) => c.sync === 2)).toBe(true);
    expect(calls.length).toBe(result.plan.fills.length);
    expect(new Set(calls.map((c) => c.target)).size).toBe(calls.length);
  });

  test('colours every planned cell, and nothing else of the sheet', async () => {
    const fake = book(appendix().sheet);
    const { plan } = await scoreCounted(hostFor(fake), criteria, 'vi');
    const expected: Record<string, CellView['fill']> = {};
    for (const g of plan.fills) for (const a of g.addresses) expected[a] = { color: g.color, pattern: 'Solid' };
    expect(fills(fake)).toEqual(expected);
    expect(new Set(plan.fills.map((g) => g.color))).toEqual(new Set([STATUS_FILL.met, STATUS_FILL.unmet, STATUS_FILL.invalid, STATUS_FILL.missing]));
  });

  test('leaves the value and formula of every user cell as typed', async () => {
    const built = appendix();
    const fake = book(built.sheet);
    fake.workbook.setCell(SHEET, 'K2', { value: 7, formula: '=1+6' });
    fake.workbook.setCell(SHEET, 'K3', { value: 0.25, numberFormat: '0%' });
    const before = typed(fake);
    await scoreCounted(hostFor(fake), criteria, 'vi');
    expect(typed(fake)).toEqual(before);
    await clearCounted(hostFor(fake));
    expect(typed(fake)).toEqual(before);
  });

  test('writes the summary sheet: marker, values as text where text, formats, links, widths, frozen rows, chart', async () => {
    const fake = book(appendix().sheet);
    const { plan } = await scoreCounted(hostFor(fake), criteria, 'vi');
    const content = plan.summary!;
    expect(content.name).toBe(SUMMARY);
    expect(content.existing).toBe(false);
    const sheet = fake.workbook.sheet(SUMMARY)!;
    expect(sheet.visibility).toBe('Visible');
    expect(sheet.cell('A1').value).toBe(SUMMARY_MARKER);
    let links = 0;
    content.rows.forEach((row, i) =>
      row.forEach((c, j) => {
        const a = `${String.fromCharCode(65 + j)}${i + 1}`;
        const cell = sheet.cell(a);
        if (c.value !== null) expect([a, cell.value]).toEqual([a, c.value]);
        if (c.fill) expect(cell.fill).toEqual({ color: c.fill, pattern: 'Solid' });
        expect(cell.font.bold).toBe(!!c.bold);
        expect(cell.font.italic).toBe(!!c.italic);
        if (c.font) expect(cell.font.color).toBe(c.font);
        if (c.size) expect(cell.font.size).toBe(c.size);
        expect(cell.wrap).toBe(!!c.wrap);
        if (c.link) {
          links++;
          expect(cell.hyperlink).toEqual({ documentReference: `'${SHEET}'!${c.link.address}`, textToDisplay: String(c.value) });
        }
      }),
    );
    expect(links).toBeGreaterThan(50);
    // Codes like "1.1" stay text (Excel would make them numbers).
    expect(Object.values(sheet.cells()).some((c) => c.value === '1.1' && c.valueType === 'String')).toBe(true);
    expect(sheet.frozenRows).toBe(3);
    expect(sheet.columnWidth('B')).toBe(charsToPoints(content.columnWidths[1]!));
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ name: SUMMARY_CHART_NAME, type: 'ColumnStacked', title: content.chart!.title, series: content.chart!.seriesColors.map((color) => ({ color })) });
  });

  test('stores the state in a very hidden sheet, read back on the next run', async () => {
    const fake = book(appendix().sheet);
    const host = hostFor(fake);
    const { plan } = await scoreCounted(host, criteria, 'vi');
    const state = fake.workbook.sheet(STATE_SHEET)!;
    expect(state.visibility).toBe('VeryHidden');
    const column: unknown[] = [];
    for (let r = 1; state.cell(`A${r}`).value !== null; r++) column.push(state.cell(`A${r}`).value);
    expect(decodeState(column)).toEqual(plan.state);
    const again = await host.read(SHEET);
    expect(again.state).toEqual(plan.state);
    expect(again.summarySheets).toEqual([SUMMARY]);
    expect(again.sheetNames).toEqual([SHEET, STATE_SHEET, SUMMARY]);
  });
});

describe('reading', () => {
  test('the snapshot: origin, values with their types, formats, texts, merges, fills (white is not "no fill")', async () => {
    const built = buildAppendix(criteria, sampleValues(criteria), { origin: { row: 2, col: 1 } });
    const fake = book(built.sheet);
    fake.workbook.setFill(SHEET, 'C5', { color: '#ffffff' });
    fake.workbook.setFill(SHEET, 'D5', { color: '#c0c0c0', pattern: 'Gray50' });
    fake.workbook.setCell(SHEET, 'C4', { value: '#DIV/0!', error: true });
    fake.workbook.setCell(SHEET, 'D4', true);
    const host = hostFor(fake);
    const read = await host.read();
    const s = read.sheet;
    expect(s.origin).toEqual({ row: 2, col: 1 });
    expect(s.merges).toEqual(built.sheet.merges);
    expect(s.cells.length).toBe(built.sheet.cells.length);
    built.sheet.cells.forEach((row, i) =>
      row.forEach((c, j) => {
        const got = s.cells[i]?.[j] ?? null;
        if (i + 2 === 3 && j + 1 <= 3) return; // C4, D4 changed above
        if (c === null || c.value === null || c.value === '') expect(got).toBeNull();
        else expect(got).toMatchObject({ value: c.value, type: typeof c.value === 'number' ? 'number' : c.type ?? 'string', ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}) });
      }),
    );
    expect(s.cells[1]?.[1]).toMatchObject({ value: '#DIV/0!', type: 'error' });
    expect(s.cells[1]?.[2]).toMatchObject({ value: true, type: 'boolean', text: 'TRUE' });
    expect(s.fills!.get('C5')).toEqual({ color: '#FFFFFF', pattern: 'Solid' });
    expect(s.fills!.get('D5')).toEqual({ color: '#C0C0C0', pattern: 'Gray50' });
    expect(s.fills!.get('B3')).toEqual({ color: null });
    expect(s.protected).toBeUndefined();
    expect(read.workbookName).toBe('Phu-luc.xlsx');
    expect(read.state).toBeNull();
    expect(read.summarySheets).toEqual([]);
    expect(host.stats).toMatchObject({ syncs: 1, readSyncs: 1 });
  });

  test('a blank sheet, a protected sheet', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Blank' }, { name: 'Locked', protected: true, cells: { B2: 1 } }] });
    const host = hostFor(fake);
    const blank = await host.read('Blank');
    expect(blank.sheet).toMatchObject({ name: 'Blank', origin: { row: 0, col: 0 }, cells: [], merges: [] });
    const locked = await host.read('Locked');
    expect(locked.sheet).toMatchObject({ protected: true, origin: { row: 1, col: 1 }, cells: [[{ value: 1, type: 'number' }]] });
  });

  test('a missing sheet fails with Excel’s ItemNotFound', async () => {
    const fake = book(appendix().sheet);
    await expect(hostFor(fake).read('Nope')).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  test('without ExcelApi 1.13 there are no merged areas; without 1.7 no workbook name', async () => {
    const fake = book(appendix().sheet);
    const host = hostFor(fake, { isSetSupported: (_set, v) => v !== API_VERSIONS.mergedAreas && v !== API_VERSIONS.workbookName });
    const read = await host.read();
    expect(read.sheet.merges).toEqual([]);
    expect(read.workbookName).toBeUndefined();
  });

  test('a 30-sheet workbook is read in one sync; summary sheets beyond the probed tabs cost one more', async () => {
    const sheet = appendix().sheet;
    const others = (n: number) => Array.from({ length: n }, (_, i): FakeSheetData => ({ name: `Sở ${i + 2}`, cells: { A1: `Báo cáo ${i + 2}`, B2: i } }));
    const fake30 = book(sheet, others(29));
    const host30 = hostFor(fake30);
    const r30 = await scoreCounted(host30, criteria, 'vi');
    expect(r30.read.sheetNames).toHaveLength(30);
    expect(r30.counts).toMatchObject({ syncs: 2, readSyncs: 1, readChunkSyncs: 0, writeSyncs: 1 });

    const fake50 = book(sheet, [...others(47), { name: 'Kết quả', cells: { A1: SUMMARY_MARKER } }, { name: 'Cuối', cells: { A1: 'x' } }]);
    const host50 = hostFor(fake50);
    const read = await host50.read(SHEET);
    expect(read.summarySheets).toEqual(['Kết quả']);
    expect(host50.stats).toMatchObject({ syncs: 2, readSyncs: 1, readChunkSyncs: 1 });
  });

  test('a too-large answer is read again in smaller parts (counted as retries)', async () => {
    const fake = book(appendix().sheet, [], { limits: { maxResponseBytes: 60_000 } });
    const host = hostFor(fake, { firstReadRows: 1000, readCellsPerSync: 100_000 });
    const reference = await hostFor(book(appendix().sheet)).read();
    const read = await host.read();
    expect(read.sheet).toEqual(reference.sheet);
    expect(host.stats.retries).toBeGreaterThan(0);
    expect(host.stats.syncs).toBe(host.stats.readSyncs + host.stats.readChunkSyncs);
  });
});

describe('clearing', () => {
  test('restores original fills exactly: no fill, white, a colour, a pattern', async () => {
    const built = appendix();
    const fake = book(built.sheet);
    const cells = Object.values(built.expected).flatMap((e) => Object.values(e.valueCells));
    fake.workbook.setFill(SHEET, cells[0]!, { color: '#FFFFFF' });
    fake.workbook.setFill(SHEET, cells[1]!, { color: '#FFF2CC' });
    fake.workbook.setFill(SHEET, cells[2]!, { color: '#C0C0C0', pattern: 'Gray50' });
    const before = fake.workbook.export().sheets[0];
    const host = hostFor(fake);
    await scoreCounted(host, criteria, 'vi');
    expect(fake.workbook.sheet(SHEET)!.cell(cells[0]!).fill).not.toEqual({ color: '#FFFFFF', pattern: 'Solid' });
    const cleared = await clearCounted(host);
    expect(cleared.kept).toEqual([]);
    expect(cleared.counts).toMatchObject({ syncs: 2, readSyncs: 1, writeSyncs: 1 });
    expect(fake.workbook.export().sheets[0]).toEqual(before);
    // One call per original fill kind (clear for "no fill", a colour, a colour + pattern).
    const restores = fake.log.filter((e) => e.write && e.sync === 4 && e.target?.startsWith(SHEET + '!'));
    expect(restores.map((e) => `${e.type}.${e.member}`).sort()).toEqual(['RangeFill.clear', 'RangeFill.color', 'RangeFill.color', 'RangeFill.color', 'RangeFill.pattern']);
  });

  test('a cell the person recoloured after scoring keeps the person’s fill', async () => {
    const built = appendix();
    const fake = book(built.sheet);
    const host = hostFor(fake);
    const { plan } = await scoreCounted(host, criteria, 'vi');
    const recoloured = plan.fills[0]!.addresses[0]!;
    fake.workbook.setFill(SHEET, recoloured, { color: '#00B0F0' });
    const cleared = await clearCounted(host);
    expect(cleared.kept).toEqual([recoloured]);
    expect(fills(fake)).toEqual({ [recoloured]: { color: '#00B0F0', pattern: 'Solid' } });
  });
});

describe('running again', () => {
  test('scoring twice leaves the workbook as scoring once', async () => {
    const fake = book(appendix().sheet);
    const host = hostFor(fake);
    const first = await scoreCounted(host, criteria, 'vi');
    const once = fake.workbook.export();
    const second = await scoreCounted(host, criteria, 'vi');
    expect(second.plan.summary!.existing).toBe(true);
    expect(second.counts).toMatchObject({ syncs: 2, readSyncs: 1, writeSyncs: 1 });
    // Every sheet the same, the state too.
    const others = (d: FakeWorkbookData) => d.sheets.filter((s) => s.name !== STATE_SHEET);
    expect(others(fake.workbook.export())).toEqual(others(once));
    expect(second.plan.state).toEqual(first.plan.state);
    const third = fake.workbook.export();
    await scoreCounted(host, criteria, 'vi');
    expect(fake.workbook.export()).toEqual(third);
  });

  test('the summary sheet is rewritten in place: never deleted, same position, old chart replaced', async () => {
    const fake = book(appendix().sheet);
    const host = hostFor(fake);
    await scoreCounted(host, criteria, 'vi');
    const position = fake.workbook.sheet(SUMMARY)!.position;
    fake.workbook.setCell(SUMMARY, 'Z99', 'left over');
    const firstSync = fake.counters.syncs + 1;
    await scoreCounted(host, criteria, 'vi', { sheet: SHEET });
    const writes = fake.writesSince(firstSync);
    expect(writes.some((e) => e.type === 'Worksheet' && e.member === 'delete')).toBe(false);
    expect(writes.some((e) => e.type === 'Worksheet' && e.target === SUMMARY && e.member === 'add')).toBe(false);
    expect(writes.some((e) => e.type === 'Range' && e.member === 'clear' && e.target?.startsWith(`'${SUMMARY}'!`))).toBe(true);
    expect(writes.filter((e) => e.type === 'Chart' && e.member === 'delete')).toHaveLength(1);
    expect(fake.workbook.sheet(SUMMARY)!.position).toBe(position);
    expect(fake.workbook.sheet(SUMMARY)!.cell('Z99').value).toBeNull();
    expect(fake.workbook.sheet(SUMMARY)!.charts).toHaveLength(1);
  });

  test('a person’s sheet named like the summary, without the marker, is left alone', async () => {
    const mine: FakeSheetData = { name: SUMMARY, cells: { A1: 'Ghi chú của tôi', B2: 42 }, columnWidths: { A: 100 } };
    const fake = book(appendix().sheet, [mine]);
    const before = fake.workbook.export().sheets[1];
    const { plan } = await scoreCounted(hostFor(fake), criteria, 'vi');
    expect(plan.summary!.name).toBe(`${SUMMARY} (2)`);
    expect(fake.workbook.export().sheets.find((s) => s.name === SUMMARY)).toEqual(before);
    expect(fake.workbook.sheet(`${SUMMARY} (2)`)!.cell('A1').value).toBe(SUMMARY_MARKER);
  });

  test('apply without a read first learns the workbook in one small sync', async () => {
    const fake = book(appendix().sheet);
    const reader = hostFor(fake);
    const read = await reader.read();
    const { plan } = runScoring(read, criteria, { lang: 'vi' });
    const writer = hostFor(fake);
    await writer.apply(plan);
    expect(writer.stats).toMatchObject({ syncs: 2, probeSyncs: 1, writeSyncs: 1 });
    expect(fake.workbook.sheet(SUMMARY)!.cell('A1').value).toBe(SUMMARY_MARKER);
  });

  test('no chart where charts are not supported', async () => {
    const fake = book(appendix().sheet);
    await scoreCounted(hostFor(fake, { isSetSupported: (_s, v) => v !== API_VERSIONS.charts }), criteria, 'vi');
    expect(fake.workbook.sheet(SUMMARY)!.charts).toEqual([]);
  });
});

describe('payload limits', () => {
  test('a plan over the write budget is split into several syncs, with the same result', async () => {
    const reference = book(appendix().sheet);
    await scoreCounted(hostFor(reference), criteria, 'vi');
    const fake = book(appendix().sheet, [], { limits: { maxRequestBytes: 25_000 } });
    const host = hostFor(fake, { writeCellsPerSync: 150 });
    const result = await scoreCounted(host, criteria, 'vi');
    expect(result.counts.writeSyncs).toBe(1);
    expect(result.counts.writeChunkSyncs).toBeGreaterThan(1);
    expect(result.counts.syncs).toBe(2 + result.counts.writeChunkSyncs);
    expect(fake.syncLog.every((s) => s.requestBytes <= 25_000 && !s.error)).toBe(true);
    expect(fake.workbook.export()).toEqual(reference.workbook.export());
    // Still one fill call per colour per chunk.
    const calls = fillCalls(fake);
    expect(calls.length).toBeLessThanOrEqual(result.plan.fills.reduce((n, g) => n + Math.ceil(g.addresses.length / 150), 0));
  });

  test('a budget above Excel’s limit: the refused batch is sent again in smaller syncs (counted as retries), same result', async () => {
    const reference = book(appendix().sheet);
    await scoreCounted(hostFor(reference), criteria, 'vi');
    const fake = book(appendix().sheet, [], { limits: { maxRequestBytes: 25_000 } });
    const result = await scoreCounted(hostFor(fake), criteria, 'vi');
    expect(fake.syncLog.filter((s) => s.error === 'RequestPayloadSizeLimitExceeded').length).toBe(result.counts.retries);
    expect(result.counts.retries).toBeGreaterThan(0);
    expect(fake.workbook.export()).toEqual(reference.workbook.export());
  });

  test('a single step over Excel’s limit is refused (RequestPayloadSizeLimitExceeded) and nothing is written', async () => {
    const fake = book(appendix().sheet, [], { limits: { maxRequestBytes: 4_000 } });
    const before = fake.workbook.export();
    await expect(scoreCounted(hostFor(fake), criteria, 'vi')).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.workbook.export()).toEqual(before);
  });

  test('address lists over 8,192 characters are cut into chunks: one call per colour per chunk, one sync', async () => {
    const cells: Record<string, number> = {};
    for (let r = 1; r <= 6000; r++) cells[`B${r}`] = r;
    const fake = createFakeExcel({ sheets: [{ name: 'S', cells }] });
    const host = hostFor(fake);
    await host.read('S');
    const odd = Array.from({ length: 3000 }, (_, i) => `B${2 * i + 1}`);
    const even = Array.from({ length: 100 }, (_, i) => `B${2 * i + 2}`);
    const plan: WritePlan = {
      sheet: 'S',
      fills: [
        { status: 'met', color: STATUS_FILL.met, addresses: odd },
        { status: 'unmet', color: STATUS_FILL.unmet, addresses: even },
      ],
      restore: [],
      state: { version: 1, colours: {}, mappings: {} },
    };
    await host.apply(plan);
    expect(host.stats).toMatchObject({ writeSyncs: 1, writeChunkSyncs: 0 });
    const calls = fillCalls(fake, 'S');
    const chunks = Math.ceil(odd.join(',').length / 8192);
    expect(calls.length).toBe(chunks + 1);
    expect(calls.every((c) => c.target!.length <= 8192 + 2)).toBe(true);
    for (const a of odd) expect(fake.workbook.sheet('S')!.cell(a).fill).toEqual({ color: STATUS_FILL.met, pattern: 'Solid' });
    expect(fake.workbook.sheet('S')!.cell('B200').fill).toEqual({ color: STATUS_FILL.unmet, pattern: 'Solid' });
    expect(fake.workbook.sheet('S')!.cell('B202').fill).toBeNull();
  });
});

describe('a 10,000-row sheet', () => {
  function bigBook(maxResponseBytes?: number): FakeExcel {
    const built = appendix();
    const data = sheetDataFromSnapshot(built.sheet);
    for (let r = built.sheet.cells.length + 3; r <= 10_000; r++) {
      data.cells![`A${r}`] = `Đơn vị ${r}`;
      data.cells![`B${r}`] = r * 3;
      data.cells![`C${r}`] = 'ghi chú';
    }
    return createFakeExcel({ sheets: [data] }, maxResponseBytes ? { limits: { maxResponseBytes } } : {});
  }

  test('reads in a first window plus row chunks (counted apart), writes in one sync, one fill call per colour', async () => {
    const fake = bigBook();
    const host = hostFor(fake);
    const result = await scoreCounted(host, criteria, 'vi');
    expect(result.run.summary.totals).toMatchObject({ met: 54, unmet: 1, invalid: 1, missing: 1 });
    expect(result.read.sheet.cells).toHaveLength(10_000);
    const cols = 7;
    const chunks = Math.ceil((10_000 - 2000) / Math.floor(25_000 / cols));
    expect(result.counts).toMatchObject({ readSyncs: 1, readChunkSyncs: chunks, writeSyncs: 1, writeChunkSyncs: 0, retries: 0 });
    expect(result.counts.syncs).toBe(2 + chunks);
    expect(fake.syncLog.every((s) => !s.error && s.responseBytes <= fake.limits.maxResponseBytes)).toBe(true);
    expect(fillCalls(fake)).toHaveLength(result.plan.fills.length);
  });

  test('a first window as tall as the sheet: read 1 + write 1 where the answer may be large (desktop)', async () => {
    const fake = bigBook(Number.MAX_SAFE_INTEGER);
    const host = hostFor(fake, { firstReadRows: 10_000 });
    const result = await scoreCounted(host, criteria, 'vi');
    expect(result.counts).toMatchObject({ syncs: 2, readSyncs: 1, readChunkSyncs: 0, writeSyncs: 1, retries: 0 });
  });

  test('a first window too large for Excel on the web’s 5 MB answer is read again smaller', async () => {
    const fake = bigBook();
    const host = hostFor(fake, { firstReadRows: 10_000 });
    const result = await scoreCounted(host, criteria, 'vi');
    expect(fake.syncLog[0]!.error).toBe('ResponsePayloadSizeLimitExceeded');
    expect(result.counts.retries).toBe(1);
    expect(result.read.sheet.cells).toHaveLength(10_000);
    expect(result.run.summary.totals.total).toBe(57);
  });
});

describe('selection and state', () => {
  test('select shows cells; selectedAddresses reads what the person selected', async () => {
    const fake = book(appendix().sheet, [{ name: 'Khác', cells: { A1: 1 } }]);
    const host = hostFor(fake);
    fake.workbook.activate('Khác');
    await host.select(SHEET, ['E10', 'E11', 'E12', 'G20']);
    expect(fake.workbook.activeSheet()).toBe(SHEET);
    expect(fake.workbook.selection()).toEqual({ sheet: SHEET, addresses: ['E10:E12', 'G20'] });
    const selected = await host.selectedAddresses();
    expect(selected).toEqual({ sheet: SHEET, addresses: ['E10', 'E11', 'E12', 'G20'], areas: ['E10:E12', 'G20'], truncated: false });
    expect(host.stats.syncs).toBe(2);
  });

  test('without multi-area select (ExcelApi 1.18), the first area is selected', async () => {
    const fake = book(appendix().sheet);
    const host = hostFor(fake, { isSetSupported: (_s, v) => v !== API_VERSIONS.selectAreas });
    await host.select(SHEET, ['E10', 'G20']);
    expect(fake.workbook.selection()).toEqual({ sheet: SHEET, addresses: ['E10'] });
  });

  test('writeState writes only the state, in one sync', async () => {
    const fake = book(appendix().sheet);
    const host = hostFor(fake);
    const read = await host.read();
    const state = { version: 1 as const, colours: {}, mappings: { [SHEET]: { version: 1, criteriaId: criteria.id, sheet: SHEET, placements: {} } } };
    const before = fake.counters.syncs;
    await host.writeState(state);
    expect(fake.counters.syncs - before).toBe(1);
    expect((await host.read()).state).toEqual(state);
    expect(fake.workbook.sheetNames()).toEqual([SHEET, STATE_SHEET]);
    expect(read.state).toBeNull();
  });
});

test('the adapter accepts Office.js’s own Excel.run (types only)', () => {
  const make = (run: typeof Excel.run) => new OfficeHost(run);
  expect(typeof make).toBe('function');
  const data: FakeWorkbookData = { sheets: [] };
  expect(data.sheets).toEqual([]);
});
