/**
 * A damaged or tampered state sheet (issue #17, findings 2–4): bad records are dropped and
 * counted, a state that cannot be decoded is kept as it is and nothing is coloured over it, a
 * record never restores a fill on a cell the product did not colour, and any sheet name works.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { STATE_SHEET, encodeState, planClear, planColouring } from '../../src/core/plan';
import { STATE_MARKER, readStateColumn } from '../../src/core/state';
import { STATUS_FILL } from '../../src/core/status';
import { fillFromSpec } from '../../src/hosts/xlsx/colors';
import { loadCriteria } from '../core/helpers';
import { appendixWorkbook, writeCase } from './corpus';
import { gnlc, scratch } from './helpers';

const MET = STATUS_FILL.met;
const column = (json: string) => [STATE_MARKER, json];
const state = (colours: unknown, mappings: unknown = {}) => JSON.stringify({ version: 1, colours, mappings });

describe('the state is read record by record', () => {
  test('malformed JSON: damaged, nothing read', () => {
    expect(readStateColumn(column('{"version":1,"colours":{'))).toEqual({ state: null, status: 'damaged', dropped: 0 });
  });

  test('one bad record among good ones: the good ones kept, the bad one dropped and counted', () => {
    const r = readStateColumn(column(state({ S: { B2: { original: { color: null }, applied: MET }, B3: { original: { color: 'red' }, applied: MET }, 'B 4': { original: { color: null }, applied: MET } } })));
    expect(r.status).toBe('ok');
    expect(r.dropped).toBe(2);
    expect(Object.keys(r.state!.colours.S!)).toEqual(['B2']);
  });

  test('every fill property a host records is kept (pattern colour, tints, style index); one out of range drops its record', () => {
    const original = { color: '#FFFF00', pattern: 'Gray50', patternColor: '#0000ff', tintAndShade: -0.25, patternTintAndShade: 0.4, styleIndex: 17 };
    const r = readStateColumn(
      column(
        state({
          S: {
            B2: { original, applied: MET },
            B3: { original: { ...original, tintAndShade: 2 }, applied: MET },
            B4: { original: { ...original, styleIndex: -1 }, applied: MET },
            B5: { original: { ...original, patternColor: 'blue' }, applied: MET },
            B6: { original: { ...original, font: 'Arial' }, applied: MET },
          },
        }),
      ),
    );
    expect(r.dropped).toBe(4);
    expect(r.state!.colours.S!.B2!.original).toEqual({ ...original, patternColor: '#0000FF' });
  });

  test('a record naming a colour the product never applies is dropped', () => {
    const r = readStateColumn(column(state({ S: { B2: { original: { color: '#00B050' }, applied: '#FF0000' } } })));
    expect(r.dropped).toBe(1);
    expect(Object.keys(r.state!.colours.S!)).toEqual([]);
  });

  test('a pattern that is not one of Excel’s ("constructor") is dropped; the xlsx host never turns one into a function', () => {
    const r = readStateColumn(column(state({ S: { B2: { original: { color: '#FF0000', pattern: 'constructor' }, applied: MET } } })));
    expect(r.dropped).toBe(1);
    expect(JSON.stringify(fillFromSpec({ color: '#FF0000', pattern: 'constructor' }))).not.toMatch(/function|native code/);
    expect(fillFromSpec({ color: '#FF0000', pattern: 'constructor' })).toMatchObject({ type: 'pattern', pattern: 'solid' });
  });
});

describe('a tampered record never restores a fill on a cell the product did not colour', () => {
  test('the cell holds the department’s own colour, which the record claims the product applied', () => {
    const tampered = readStateColumn(column(state({ S: { B2: { original: { color: '#FFFFFF' }, applied: '#FF0000' } } }))).state;
    const clear = planClear('S', new Map([['B2', { color: '#FF0000' }]]), tampered);
    expect(clear.restore).toEqual([]);
  });

  test('the record names a status colour, the cell holds another fill: kept as it is', () => {
    const tampered = readStateColumn(column(state({ S: { B2: { original: { color: '#FFFFFF' }, applied: MET } } }))).state;
    expect(planClear('S', new Map([['B2', { color: '#FF0000' }]]), tampered).restore).toEqual([]);
    expect(planClear('S', new Map([['B2', { color: MET }]]), tampered).restore).toEqual([{ address: 'B2', fill: { color: '#FFFFFF' } }]);
  });
});

describe.each(['__proto__', 'constructor', 'prototype', 'hasOwnProperty'])('a sheet named %s', (sheet) => {
  test('is coloured, stored, read back and cleared exactly', () => {
    const fills = new Map(Object.entries({ B2: { color: '#00B050' }, B3: { color: null } }));
    const plan = planColouring(sheet, [{ cells: ['B2'], status: 'met' }, { cells: ['B3'], status: 'unmet' }], fills, null);
    expect(Object.hasOwn(plan.state.colours, sheet)).toBe(true);
    expect(Object.keys(plan.state.colours[sheet]!)).toEqual(['B2', 'B3']);
    const back = readStateColumn(encodeState(plan.state));
    expect(back.status).toBe('ok');
    expect(back.dropped).toBe(0);
    const clear = planClear(sheet, new Map(Object.entries({ B2: { color: MET }, B3: { color: STATUS_FILL.unmet } })), back.state);
    expect(clear.restore).toEqual([
      { address: 'B2', fill: { color: '#00B050' } },
      { address: 'B3', fill: { color: null } },
    ]);
    expect(Object.hasOwn(clear.state.colours, sheet)).toBe(false);
    expect(({} as Record<string, unknown>).B2).toBeUndefined();
  });
});

describe('through the command line', () => {
  let dir: string;
  let scoredCopy: Buffer;
  beforeAll(async () => {
    dir = scratch();
    const sample = writeCase(dir, 'sample.xlsx', (await appendixWorkbook(loadCriteria())).bytes);
    const out = path.join(dir, 'scored.xlsx');
    expect((await gnlc('score', sample, '--out', out)).code).toBe(0);
    scoredCopy = fs.readFileSync(out);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The scored copy with its state sheet's column A replaced. */
  async function withState(cells: string[]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(scoredCopy as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(STATE_SHEET)!;
    for (let r = 1; r <= Math.max(ws.rowCount, cells.length); r++) ws.getCell(r, 1).value = cells[r - 1] ?? null;
    return writeCase(dir, `state-${cells.length}-${Math.random().toString(36).slice(2)}.xlsx`, Buffer.from(await wb.xlsx.writeBuffer()));
  }
  async function stateColumn(file: string): Promise<unknown[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(STATE_SHEET)!;
    const out: unknown[] = [];
    for (let r = 1; r <= ws.rowCount; r++) out.push(ws.getCell(r, 1).value);
    return out;
  }

  test('a state that cannot be decoded is kept as it was, nothing is coloured, and the run says so', async () => {
    const input = await withState([STATE_MARKER, '{"version":1,"colours":{"Phụ lục":{"C7":']);
    const out = path.join(dir, 'damaged.out.xlsx');
    const r = await gnlc('score', input, '--out', out, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^gnlc: .*stored state .* is damaged .*not coloured.*kept as it is/m);
    expect(r.stdout).toMatch(/\(0 cells coloured/);
    expect(await stateColumn(out)).toEqual(await stateColumn(input));
  });

  test('one bad record: dropped with a warning that says how many, the others kept', async () => {
    const json = JSON.parse(
      (await (async () => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(scoredCopy as unknown as ExcelJS.Buffer);
        const ws = wb.getWorksheet(STATE_SHEET)!;
        let s = '';
        for (let r = 2; r <= ws.rowCount; r++) s += String(ws.getCell(r, 1).value ?? '');
        return s;
      })()),
    ) as { colours: Record<string, Record<string, unknown>> };
    const sheet = Object.keys(json.colours)[0]!;
    const first = Object.keys(json.colours[sheet]!)[0]!;
    json.colours[sheet]![first] = { original: { color: '#00B050' }, applied: '#00B050' };
    const input = await withState([STATE_MARKER, JSON.stringify(json)]);
    const out = path.join(dir, 'one-bad.out.xlsx');
    const r = await gnlc('score', input, '--out', out, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => /invalid records/.test(l))).toEqual([expect.stringMatching(/^gnlc: .*1 invalid records in the product's stored state/)]);
  });

  test('a pattern named "constructor" never reaches styles.xml', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(scoredCopy as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(STATE_SHEET)!;
    let s = '';
    for (let r = 2; r <= ws.rowCount; r++) s += String(ws.getCell(r, 1).value ?? '');
    const json = JSON.parse(s) as { colours: Record<string, Record<string, { original: unknown }>> };
    for (const records of Object.values(json.colours)) for (const rec of Object.values(records)) rec.original = { color: '#FF0000', pattern: 'constructor' };
    const input = await withState([STATE_MARKER, JSON.stringify(json)]);
    const out = path.join(dir, 'pattern.out.xlsx');
    expect((await gnlc('score', input, '--out', out)).code).toBe(0);
    const styles = await (await JSZip.loadAsync(fs.readFileSync(out))).file('xl/styles.xml')!.async('string');
    expect(styles).not.toMatch(/native code|function/);
  });
});
