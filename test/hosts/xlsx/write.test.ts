/**
 * The xlsx host's write side: a scored copy differs from its input only where the product may
 * change things — the fills of the mapped value cells, its summary sheet, its hidden state
 * sheet — and clearing gives every original fill back exactly.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { STATE_SHEET, STATUS_FILL, SUMMARY_MARKER } from '../../../src/core/plan';
import { runScoring } from '../../../src/core/pipeline';
import { readMerges, applyPlan, findWriteLosses, loadWorkbook, readWorkbookSnapshot, setCellFill, toHostRead, writeWorkbookBuffer, PlanError } from '../../../src/hosts/xlsx';
import { FixtureValues, buildAppendix, sampleValues, withValue } from '../../../src/testing/appendix';
import { snapshotToWorkbook } from '../../fixtures/xlsx';
import { cellModel, cellsByAddress, clearThroughHost, isNoFill, loadCriteria, open, scoreThroughHost, toBuffer } from './helpers';

const criteria = loadCriteria();

function mixedValues(): FixtureValues {
  let v = sampleValues(criteria);
  v = withValue(v, '1.1.1.a', 'value', '93,8%'); // unmet
  v = withValue(v, '1.2.2.a', 'total', 9); // invalid: Tổng outside Nam…Nữ
  v = withValue(v, '2.2.2.c', 'value', 'chưa có số liệu'); // missing
  v = withValue(v, '2.5.3.a', 'value', null); // missing, blank
  v = withValue(v, '2.3.3.a', 'value', { value: 45731, numberFormat: 'dd/mm/yyyy' }); // invalid: a date
  return v;
}

interface Base {
  buffer: Buffer;
  /** Value cells of indicators, by id and field. */
  valueCells: Record<string, Record<string, string>>;
  white: string;
  yellow: string;
  /** The unit cell beside the yellow value cell: same style in the file, not a value cell. */
  yellowNeighbour: string;
  /** The unit cell beside a value cell with no fill: same style in the file. */
  plainNeighbour: string;
  plainValue: string;
}

let plainBase: Promise<Base> | undefined;

/** An appendix as a department returns it, plus a notes sheet with formulas, a note, a validation and a conditional format. */
function baseWorkbook(extra?: (wb: ExcelJS.Workbook) => void): Promise<Base> {
  if (extra) return buildBase(extra);
  return (plainBase ??= buildBase());
}

async function buildBase(extra?: (wb: ExcelJS.Workbook) => void): Promise<Base> {
  const built = buildAppendix(criteria, mixedValues(), { columnOrder: ['stt', 'standard', 'criterion', 'indicator', 'responsible', 'data', 'note'] });
  const valueCells: Record<string, Record<string, string>> = {};
  for (const [id, e] of Object.entries(built.expected)) valueCells[id] = e.valueCells;
  const white = valueCells['1.1.1.a']!.value!;
  const yellow = valueCells['1.2.3.a']!.value!;
  const plainValue = valueCells['1.1.2.a']!.value!;
  const right = (a: string) => a.replace(/^[A-Z]+/, (c) => String.fromCharCode(c.charCodeAt(0) + 1));
  const yellowNeighbour = right(yellow);
  const plainNeighbour = right(plainValue);
  built.sheet.fills = new Map([
    [white, { color: '#FFFFFF' }],
    [yellow, { color: '#FFF2CC' }],
    [yellowNeighbour, { color: '#FFF2CC' }],
  ]);
  const notes = {
    name: 'Ghi chú',
    origin: { row: 0, col: 0 },
    cells: [[{ value: 'Tổng số trẻ 5 tuổi' }, { value: 2550 }], [{ value: 'Người lập biểu' }, { value: 'Nguyễn Văn An' }]],
    merges: [],
  };
  const wb = snapshotToWorkbook([built.sheet, notes], {
    formulas: { 'Ghi chú': { B1: `'Phụ lục'!${valueCells['2.1.1.a']!.total}` } },
    headerRows: { 'Ghi chú': -1 },
  });
  const ws = wb.getWorksheet('Phụ lục')!;
  ws.getCell(plainValue).note = 'Số liệu của Phòng Văn hóa';
  dataValidations(ws).add(valueCells['2.4.1.b']!.rating!, { type: 'whole', operator: 'between', allowBlank: true, formulae: [1, 5] });
  ws.addConditionalFormatting({ ref: 'A1:A3', rules: [{ type: 'containsText', operator: 'containsText', text: 'Phụ lục', priority: 1, style: { font: { color: { argb: 'FF0000FF' } } } }] });
  ws.getRow(10).height = 42;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 6 }];
  wb.getWorksheet('Ghi chú')!.getColumn(1).width = 30;
  extra?.(wb);
  return { buffer: await toBuffer(wb), valueCells, white, yellow, yellowNeighbour, plainNeighbour, plainValue };
}

/** exceljs has data validations on a worksheet but leaves them out of its type declarations. */
function dataValidations(ws: ExcelJS.Worksheet): { add(address: string, rule: ExcelJS.DataValidation): void; model: Record<string, unknown> } {
  return (ws as unknown as { dataValidations: ReturnType<typeof dataValidations> }).dataValidations;
}

function sheetFacts(ws: ExcelJS.Worksheet) {
  const rows: Array<number | undefined> = [];
  for (let r = 1; r <= ws.rowCount; r++) rows.push(ws.findRow(r)?.height);
  return {
    name: ws.name,
    state: ws.state,
    merges: readMerges(ws),
    widths: (ws.columns ?? []).map((c) => c.width),
    heights: rows,
    views: JSON.parse(JSON.stringify(ws.views)),
    validations: JSON.parse(JSON.stringify(dataValidations(ws).model)),
    conditional: JSON.parse(JSON.stringify((ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings)) as unknown[],
  };
}

describe('a scored copy', () => {
  let base: Base;
  let scored: Awaited<ReturnType<typeof scoreThroughHost>>;
  let input: ExcelJS.Workbook;
  let output: ExcelJS.Workbook;
  beforeAll(async () => {
    base = await baseWorkbook();
    scored = await scoreThroughHost(base.buffer);
    input = await open(base.buffer);
    output = await open(scored.buffer);
  });

  test('keeps every sheet, in order, and adds only the summary and the very hidden state sheet', () => {
    expect(output.worksheets.map((w) => w.name)).toEqual(['Phụ lục', 'Ghi chú', 'Tổng hợp GNLC', STATE_SHEET]);
    expect(output.getWorksheet(STATE_SHEET)!.state).toBe('veryHidden');
    expect(output.getWorksheet('Tổng hợp GNLC')!.state).toBe('visible');
    expect(output.getWorksheet('Tổng hợp GNLC')!.getCell('A1').value).toBe(SUMMARY_MARKER);
  });

  test('changes nothing in any cell but the fills of the mapped value cells', () => {
    const coloured = new Map<string, string>();
    for (const g of scored.plan.fills) for (const a of g.addresses) coloured.set(a, g.color);
    const mapped = new Set(scored.run!.results.flatMap((r) => r.cells));
    expect(coloured.size).toBeGreaterThan(57);
    expect([...coloured.keys()].filter((a) => !mapped.has(a))).toEqual([]);
    expect([...mapped].filter((a) => !coloured.has(a))).toEqual([]);

    // What the input holds besides values, so the comparison below means something.
    const facts = sheetFacts(input.getWorksheet('Phụ lục')!);
    expect(Object.keys(facts.validations)).toHaveLength(1);
    expect(facts.conditional).toHaveLength(1);
    expect(facts.merges.length).toBeGreaterThan(50);
    expect(input.getWorksheet('Phụ lục')!.getCell(base.plainValue).note).toBe('Số liệu của Phòng Văn hóa');
    expect(input.getWorksheet('Ghi chú')!.getCell('B1').formula).toMatch(/^'Phụ lục'!G\d+$/);

    for (const name of ['Phụ lục', 'Ghi chú']) {
      const a = input.getWorksheet(name)!;
      const b = output.getWorksheet(name)!;
      expect(sheetFacts(b)).toEqual(sheetFacts(a));
      const before = cellsByAddress(a);
      const after = cellsByAddress(b);
      const addresses = new Set([...before.keys(), ...after.keys()]);
      let same = 0;
      for (const address of addresses) {
        const x = before.get(address);
        const y = after.get(address);
        const colour = name === 'Phụ lục' ? coloured.get(address) : undefined;
        if (colour) {
          expect({ address, fill: y?.fill }).toEqual({ address, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + colour.slice(1) } } });
          const { fill: _f1, ...restBefore } = x ? cellModel(x) : { fill: undefined };
          const { fill: _f2, ...restAfter } = cellModel(y!);
          if (x) expect({ address, ...restAfter }).toEqual({ address, ...restBefore });
        } else {
          expect({ address, present: !!y }).toEqual({ address, present: !!x });
          expect({ address, ...cellModel(y!) }).toEqual({ address, ...cellModel(x!) });
          same++;
        }
      }
      expect(same).toBeGreaterThan(name === 'Phụ lục' ? 500 : 3);
    }
  });

  test('a cell that shares its style with a coloured cell keeps its fill', () => {
    const ws = input.getWorksheet('Phụ lục')!;
    // The precondition of the pitfall: exceljs gives both cells one style object.
    expect(ws.getCell(base.yellowNeighbour).style).toBe(ws.getCell(base.yellow).style);
    expect(ws.getCell(base.plainNeighbour).style).toBe(ws.getCell(base.plainValue).style);
    const out = output.getWorksheet('Phụ lục')!;
    expect(out.getCell(base.yellow).fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + STATUS_FILL.met.slice(1) } });
    expect(out.getCell(base.yellowNeighbour).fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } });
    expect(isNoFill(out.getCell(base.plainNeighbour).fill)).toBe(true);
    expect(out.getCell(base.plainValue).fill).toMatchObject({ fgColor: { argb: 'FF' + STATUS_FILL.met.slice(1) } });
  });

  test('colours each status with its own fill', () => {
    const out = output.getWorksheet('Phụ lục')!;
    const fillOf = (id: string, key: string) => (out.getCell(base.valueCells[id]![key]!).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect(fillOf('1.1.1.a', 'value')).toBe('FF' + STATUS_FILL.unmet.slice(1));
    expect(fillOf('1.2.2.a', 'total')).toBe('FF' + STATUS_FILL.invalid.slice(1));
    expect(fillOf('2.2.2.c', 'value')).toBe('FF' + STATUS_FILL.missing.slice(1));
    expect(fillOf('2.5.3.a', 'value')).toBe('FF' + STATUS_FILL.missing.slice(1));
    expect(fillOf('1.1.2.a', 'value')).toBe('FF' + STATUS_FILL.met.slice(1));
    expect(fillOf('2.3.3.a', 'value')).toBe('FF' + STATUS_FILL.invalid.slice(1));
  });

  test('stores the original fills in the state sheet: white, no fill, yellow', () => {
    const state = readWorkbookSnapshot(output).state!;
    const colours = state.colours['Phụ lục']!;
    // With the cell's own style index in the file, which clearing puts back exactly.
    expect(colours[base.white]).toEqual({ original: { color: '#FFFFFF', pattern: 'Solid', styleIndex: expect.any(Number) }, applied: STATUS_FILL.unmet });
    expect(colours[base.yellow]!.original).toEqual({ color: '#FFF2CC', pattern: 'Solid', styleIndex: expect.any(Number) });
    expect(colours[base.plainValue]!.original).toEqual({ color: null, pattern: 'None', styleIndex: expect.any(Number) });
    expect(state.mappings['Phụ lục']).toBeDefined();
  });

  test('the summary sheet: headline, statuses as text, links into the appendix, widths, frozen rows', async () => {
    const ws = output.getWorksheet('Tổng hợp GNLC')!;
    expect(ws.getCell('A3').value).toBe(`${scored.run!.summary.totals.met} / 57 chỉ số đạt`);
    expect(ws.getCell('A3').font).toMatchObject({ bold: true });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getColumn(2).width).toBe(46);
    const texts = [...cellsByAddress(ws).values()].map((c) => c.text);
    expect(texts).toContain('✘ Chưa đạt');
    // In-workbook links, written the way Excel writes them: a location, no external relationship.
    const zip = await JSZip.loadAsync(scored.buffer);
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const relsXml = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const rid = new RegExp(`name="Tổng hợp GNLC"[^>]*r:id="(rId\\d+)"`).exec(workbookXml)![1]!;
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(relsXml)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(relsXml)![1]!;
    const sheetXml = await zip.file('xl/' + target.replace(/^\/?xl\//, ''))!.async('string');
    const links = sheetXml.match(/<hyperlink [^>]*\/>/g) ?? [];
    expect(links.length).toBe(scored.run!.results.filter((r) => r.cells.length > 0).length);
    expect(links.length).toBeGreaterThan(50);
    for (const l of links) {
      expect(l).toMatch(/location="(&apos;|')Phụ lục(&apos;|')![A-Z]+\d+"/);
      expect(l).not.toMatch(/r:id=/);
    }
    const sheetRels = zip.file(`xl/worksheets/_rels/${target.split('/').pop()}.rels`);
    if (sheetRels) expect(await sheetRels.async('string')).not.toMatch(/hyperlink/);
  });

  test('exceljs cannot create charts: the summary chart is skipped and said so', () => {
    expect(scored.plan.summary?.chart).toBeDefined();
    expect(scored.applied.skipped).toEqual(['chart']);
  });
});

describe('dates survive the write', () => {
  test('a 1904-date workbook keeps its date system and its dates', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Phụ lục');
    ws.getCell('B2').value = new Date(Date.UTC(2025, 2, 15));
    ws.getCell('B2').numFmt = 'dd/mm/yyyy';
    const loaded = await open(await toBuffer(wb));
    const again = await open(await writeWorkbookBuffer(loaded));
    expect(again.properties.date1904).toBe(true);
    expect(readWorkbookSnapshot(again).snapshot.sheets[0]!.cells[0]![0]).toMatchObject({ value: 45731 - 1462, text: '15/03/2025' });
  });
});

describe('exceljs shares styles between cells', () => {
  test('assigning cell.fill recolours the other cells of the style; setCellFill does not', async () => {
    const base = await baseWorkbook();
    const naive = await open(base.buffer);
    const ws = naive.getWorksheet('Phụ lục')!;
    ws.getCell(base.plainValue).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } };
    // The pitfall: the neighbour (same style in the file) turned green too.
    expect(ws.getCell(base.plainNeighbour).fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });

    const safe = await open(base.buffer);
    const ws2 = safe.getWorksheet('Phụ lục')!;
    setCellFill(ws2.getCell(base.plainValue), { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } });
    expect(ws2.getCell(base.plainValue).fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });
    expect(isNoFill(ws2.getCell(base.plainNeighbour).fill)).toBe(true);
    expect(ws2.getCell(base.plainNeighbour).border).toEqual(ws2.getCell(base.plainValue).border);
  });
});

describe('clearing and scoring again', () => {
  test('clearing gives back every original fill exactly: white stays white, no fill stays no fill', async () => {
    const base = await baseWorkbook();
    const scored = await scoreThroughHost(base.buffer);
    const cleared = await clearThroughHost(scored.buffer, 'Phụ lục');
    expect(cleared.kept).toEqual([]);
    expect(cleared.applied.restored).toBe(scored.applied.coloured);
    const input = (await open(base.buffer)).getWorksheet('Phụ lục')!;
    const output = (await open(cleared.buffer)).getWorksheet('Phụ lục')!;
    const before = cellsByAddress(input);
    const after = cellsByAddress(output);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [address, cell] of before) expect({ address, ...cellModel(after.get(address)!) }).toEqual({ address, ...cellModel(cell) });
    expect(output.getCell(base.white).fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } });
    expect(isNoFill(output.getCell(base.plainValue).fill)).toBe(true);
    // The state no longer holds colours for the sheet.
    const state = readWorkbookSnapshot(await open(cleared.buffer)).state!;
    expect(state.colours['Phụ lục']).toBeUndefined();
  });

  test('a cell the person recoloured after scoring is left as it is', async () => {
    const base = await baseWorkbook();
    const scored = await scoreThroughHost(base.buffer);
    const wb = await open(scored.buffer);
    setCellFill(wb.getWorksheet('Phụ lục')!.getCell(base.plainValue), { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } });
    const cleared = await clearThroughHost(await toBuffer(wb), 'Phụ lục');
    expect(cleared.kept).toEqual([base.plainValue]);
    expect((await open(cleared.buffer)).getWorksheet('Phụ lục')!.getCell(base.plainValue).fill).toMatchObject({ fgColor: { argb: 'FF00B0F0' } });
  });

  test('scoring twice gives the same workbook as scoring once, and keeps the true originals', async () => {
    const base = await baseWorkbook();
    const once = await scoreThroughHost(base.buffer);
    const twice = await scoreThroughHost(once.buffer);
    const thrice = await scoreThroughHost(twice.buffer);
    const a = await open(once.buffer);
    const b = await open(twice.buffer);
    const c = await open(thrice.buffer);
    const sameSheet = (x: ExcelJS.Worksheet, y: ExcelJS.Worksheet) => {
      expect(sheetFacts(y)).toEqual(sheetFacts(x));
      const xs = cellsByAddress(x);
      const ys = cellsByAddress(y);
      expect([...ys.keys()].sort()).toEqual([...xs.keys()].sort());
      for (const [address, cell] of xs) expect({ sheet: x.name, address, ...cellModel(ys.get(address)!) }).toEqual({ sheet: x.name, address, ...cellModel(cell) });
    };
    expect(b.worksheets.map((w) => [w.name, w.state])).toEqual(a.worksheets.map((w) => [w.name, w.state]));
    // Everything a person sees is the same after the second run.
    for (const ws of a.worksheets) if (ws.name !== STATE_SHEET) sameSheet(ws, b.getWorksheet(ws.name)!);
    // The stored state keeps the true originals (not the status colours of the first run) and the same cells.
    const stateA = readWorkbookSnapshot(a).state!;
    const stateB = readWorkbookSnapshot(b).state!;
    expect(stateB.colours).toEqual(stateA.colours);
    expect(stateB.colours['Phụ lục']![base.white]!.original).toEqual({ color: '#FFFFFF', pattern: 'Solid', styleIndex: stateA.colours['Phụ lục']![base.white]!.original.styleIndex });
    expect(stateB.mappings).toEqual(stateA.mappings);
    // From then on a run changes nothing at all, the state sheet included.
    for (const ws of b.worksheets) sameSheet(ws, c.getWorksheet(ws.name)!);
  });

  test('an existing summary sheet is rewritten in place: same tab, old cells gone', async () => {
    const base = await baseWorkbook();
    const once = await scoreThroughHost(base.buffer);
    const wb = await open(once.buffer);
    const summary = wb.getWorksheet('Tổng hợp GNLC')!;
    summary.getCell('Z99').value = 'ghi chú cũ';
    summary.mergeCells('J2:K3');
    wb.getWorksheet('Ghi chú')!.getCell('D1').value = 'sau khi chấm';
    const again = await scoreThroughHost(await toBuffer(wb));
    const out = await open(again.buffer);
    expect(out.worksheets.map((w) => w.name)).toEqual(['Phụ lục', 'Ghi chú', 'Tổng hợp GNLC', STATE_SHEET]);
    const rewritten = out.getWorksheet('Tổng hợp GNLC')!;
    expect(rewritten.findRow(99)?.findCell(26)?.value ?? null).toBeNull();
    expect(readMerges(rewritten)).toEqual([]);
    expect(out.getWorksheet('Ghi chú')!.getCell('D1').value).toBe('sau khi chấm');
    const fresh = (await open(once.buffer)).getWorksheet('Tổng hợp GNLC')!;
    expect([...cellsByAddress(rewritten).keys()].sort()).toEqual([...cellsByAddress(fresh).keys()].sort());
  });
});

describe("sheets the product does not own", () => {
  test("a person's own sheet named like the summary is untouched; the summary takes another name", async () => {
    const base = await baseWorkbook((wb) => {
      const own = wb.addWorksheet('Tổng hợp GNLC');
      own.getCell('A1').value = 'Bảng tổng hợp của Phòng GDTX';
      own.getCell('B2').value = 42;
      own.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    });
    const scored = await scoreThroughHost(base.buffer);
    expect(scored.plan.summary?.name).toBe('Tổng hợp GNLC (2)');
    const before = (await open(base.buffer)).getWorksheet('Tổng hợp GNLC')!;
    const out = await open(scored.buffer);
    expect(out.worksheets.map((w) => w.name)).toEqual(['Phụ lục', 'Ghi chú', 'Tổng hợp GNLC', 'Tổng hợp GNLC (2)', STATE_SHEET]);
    const after = out.getWorksheet('Tổng hợp GNLC')!;
    const x = cellsByAddress(before);
    const y = cellsByAddress(after);
    expect([...y.keys()]).toEqual([...x.keys()]);
    for (const [address, cell] of x) expect(cellModel(y.get(address)!)).toEqual(cellModel(cell));
    expect(out.getWorksheet('Tổng hợp GNLC (2)')!.getCell('A1').value).toBe(SUMMARY_MARKER);
    // And the next run finds its own summary again, not the person's sheet.
    const again = await scoreThroughHost(scored.buffer);
    expect(again.plan.summary?.name).toBe('Tổng hợp GNLC (2)');
    expect(again.plan.summary?.existing).toBe(true);
  });

  test(`a person's sheet named ${STATE_SHEET} is never overwritten: the plan is refused before anything changes`, async () => {
    const base = await baseWorkbook((wb) => {
      wb.addWorksheet(STATE_SHEET).getCell('A1').value = 'Trạng thái hồ sơ';
    });
    const wb = await loadWorkbook(base.buffer);
    const read = readWorkbookSnapshot(wb);
    const { plan } = runScoring(toHostRead(read, 'Phụ lục'), criteria, { lang: 'vi' });
    expect(() => applyPlan(wb, plan)).toThrow(PlanError);
    expect(isNoFill(wb.getWorksheet('Phụ lục')!.getCell(base.plainValue).fill)).toBe(true);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phụ lục', 'Ghi chú', STATE_SHEET]);
    expect(wb.getWorksheet(STATE_SHEET)!.getCell('A1').value).toBe('Trạng thái hồ sơ');
  });
});

describe('what exceljs would lose', () => {
  async function withParts(add: (zip: JSZip) => Promise<void> | void): Promise<Buffer> {
    const base = await baseWorkbook();
    const zip = await JSZip.loadAsync(base.buffer);
    await add(zip);
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  test('a clean workbook loses nothing', async () => {
    expect(await findWriteLosses((await baseWorkbook()).buffer)).toEqual([]);
  });

  test('charts, shapes, pivot tables, macros are found', async () => {
    const data = await withParts((zip) => {
      zip.file('xl/charts/chart1.xml', '<c:chartSpace/>');
      zip.file('xl/charts/chart2.xml', '<c:chartSpace/>');
      zip.file('xl/drawings/drawing1.xml', '<xdr:wsDr><xdr:twoCellAnchor><xdr:sp/></xdr:twoCellAnchor><xdr:twoCellAnchor><xdr:pic/></xdr:twoCellAnchor></xdr:wsDr>');
      zip.file('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition/>');
      zip.file('xl/vbaProject.bin', Buffer.from([1, 2, 3]));
    });
    expect(await findWriteLosses(data)).toEqual([
      { kind: 'chart', count: 2 },
      { kind: 'pivot', count: 1 },
      { kind: 'macro', count: 1 },
      { kind: 'shape', count: 1 },
    ]);
  });

  test('a link to a place in the workbook is found, and exceljs really drops it', async () => {
    const data = await withParts(async (zip) => {
      const path = 'xl/worksheets/sheet2.xml';
      const xml = await zip.file(path)!.async('string');
      zip.file(path, xml.replace('<pageMargins', `<hyperlinks><hyperlink ref="A2" location="'Phụ lục'!A1" display="Phụ lục"/></hyperlinks><pageMargins`));
    });
    expect(await findWriteLosses(data)).toEqual([{ kind: 'in-workbook-link', count: 1 }]);
    const rewritten = await toBuffer(await loadWorkbook(data));
    expect(await findWriteLosses(rewritten)).toEqual([]);
    const xml = await (await JSZip.loadAsync(rewritten)).file('xl/worksheets/sheet2.xml')!.async('string');
    expect(xml).not.toContain('<hyperlink');
  });

  test('exceljs keeps pictures', async () => {
    const base = await baseWorkbook((wb) => {
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
      const id = wb.addImage({ buffer: png as never, extension: 'png' });
      wb.getWorksheet('Ghi chú')!.addImage(id, 'D2:E4');
    });
    const scored = await scoreThroughHost(base.buffer);
    const zip = await JSZip.loadAsync(scored.buffer);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('xl/media/') && !zip.files[f]!.dir)).toHaveLength(1);
    expect((await open(scored.buffer)).getWorksheet('Ghi chú')!.getImages()).toHaveLength(1);
  });
});
