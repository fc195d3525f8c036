/**
 * Guarantee: colouring is reversible and idempotent, in both hosts.
 * - "Xóa màu" gives every coloured cell its fill back exactly: no fill stays no fill, white stays
 *   white (Excel reports both as white; the fake's pattern "None" tells them apart), a colour, a
 *   pattern, and a cell already in a status colour before the product came;
 * - scoring twice leaves the workbook as scoring once (fills, typed values, summary, and the
 *   hidden state);
 * - a cell the person recoloured after scoring keeps the person's fill through a later clear;
 * - the state lives in the workbook: a new host over the same fake workbook, or the file written
 *   and opened again, still clears exactly.
 */
import { STATUS_FILL } from '../../src/core/plan';
import { SUMMARY_NAME } from '../../src/core/pipeline';
import { buildAppendix, sampleValues, withValue } from '../../src/testing/appendix';
import { Driver, TestFill, fakeDriver, xlsxDriver } from './drivers';
import { SHEET, criteria } from './helpers';

const SUMMARY = SUMMARY_NAME.vi;

function appendix() {
  const c = criteria();
  let v = sampleValues(c);
  v = withValue(v, '1.1.1.a', 'value', '93,5%'); // unmet
  v = withValue(v, '1.1.3.a', 'value', '120%'); // invalid
  v = withValue(v, '1.3.1.a', 'value', 'đang cập nhật'); // missing
  return buildAppendix(c, v, {}, SHEET);
}

const built = appendix();
const cell = (id: string) => Object.values(built.expected[id]!.valueCells)[0]!;

/** Value cells of five indicators, each with a different original fill. */
const NONE = cell('1.1.1.a');
const WHITE = cell('1.1.2.a');
const YELLOW = cell('1.1.3.a');
const PATTERN = cell('1.2.1.a');
const GREEN = cell('1.3.1.a');
const ORIGINAL: Record<string, TestFill> = {
  [NONE]: null,
  [WHITE]: { color: '#FFFFFF' },
  [YELLOW]: { color: '#FFFF00' },
  [PATTERN]: { color: '#C0C0C0', pattern: 'Gray50' },
  [GREEN]: { color: STATUS_FILL.met },
};
const CELLS = Object.keys(ORIGINAL);
const ALL_MAPPED = Object.values(built.expected).flatMap((e) => Object.values(e.fields).flat());

const drivers: Array<[string, () => Promise<Driver>]> = [
  ['fake Excel (OfficeHost)', async () => fakeDriver(built.sheet, ORIGINAL)],
  ['xlsx file', async () => xlsxDriver(built.sheet, ORIGINAL)],
];

describe.each(drivers)('%s', (_name, make) => {
  test('"Xóa màu" restores every fill exactly: no fill, white, a colour, a pattern, a status colour already there', async () => {
    const d = await make();
    const before = await d.fills(ALL_MAPPED);
    expect(await d.isNoFill(NONE)).toBe(true);
    expect(await d.isWhite(WHITE)).toBe(true);
    await d.score();
    const scored = await d.fills(CELLS);
    for (const a of CELLS) expect([a, scored[a]]).not.toEqual([a, before[a]] as unknown);
    expect(await d.isNoFill(NONE)).toBe(false);
    const { kept } = await d.clear();
    expect(kept).toEqual([]);
    expect(await d.fills(ALL_MAPPED)).toEqual(before);
    expect(await d.isNoFill(NONE)).toBe(true);
    expect(await d.isWhite(WHITE)).toBe(true);
    expect(await d.isNoFill(WHITE)).toBe(false);
  });

  test('scoring twice leaves the workbook, its hidden state included, as scoring once', async () => {
    const d = await make();
    await d.score();
    const once = { fills: await d.fills(ALL_MAPPED), typed: await d.typed([SHEET]), summary: await d.everything(SUMMARY), names: await d.sheetNames(), state: await d.state() };
    await d.score();
    const twice = { fills: await d.fills(ALL_MAPPED), typed: await d.typed([SHEET]), summary: await d.everything(SUMMARY), names: await d.sheetNames(), state: await d.state() };
    expect(twice.fills).toEqual(once.fills);
    expect(twice.typed).toEqual(once.typed);
    expect(twice.summary).toEqual(once.summary);
    expect(twice.names).toEqual(once.names);
    expect(twice.state).toEqual(once.state);
    // And clearing after two runs still gives the originals, not the first run's colours.
    await d.clear();
    expect(await d.fills(CELLS)).toEqual(await (await make()).fills(CELLS));
  });

  test('a cell the person recoloured after scoring keeps the person’s fill when colours are cleared', async () => {
    const d = await make();
    const before = await d.fills(CELLS);
    await d.score();
    await d.recolour(YELLOW, { color: '#00B0F0' });
    await d.recolour(NONE, null);
    const mine = await d.fills([YELLOW, NONE]);
    const { kept } = await d.clear();
    expect(kept.sort()).toEqual([NONE, YELLOW].sort());
    expect(await d.fills([YELLOW, NONE])).toEqual(mine);
    for (const a of [WHITE, PATTERN, GREEN]) expect((await d.fills([a]))[a]).toEqual(before[a]);
  });

  test('the state survives a reload: the workbook closed and opened again still clears exactly', async () => {
    const d = await make();
    const before = await d.fills(ALL_MAPPED);
    await d.score();
    await d.reload();
    expect(Object.keys((await d.state())?.colours[SHEET] ?? {}).length).toBeGreaterThan(50);
    await d.score(); // a second run after the reload keeps the first run's originals
    await d.reload();
    await d.clear();
    await d.reload();
    expect(await d.fills(ALL_MAPPED)).toEqual(before);
    expect((await d.state())?.colours[SHEET]).toBeUndefined();
  });

  test('a run that changes statuses recolours from the originals, and clear still gives the originals back', async () => {
    const d = await make();
    const before = await d.fills(CELLS);
    await d.score();
    await d.recolour(YELLOW, { color: STATUS_FILL.met }); // the person paints it green: now theirs
    await d.score();
    const { kept } = await d.clear();
    expect(kept).toEqual([]);
    const after = await d.fills(CELLS);
    // The person's green became the cell's original; every other cell is as it was.
    for (const a of CELLS.filter((x) => x !== YELLOW)) expect(after[a]).toEqual(before[a]);
    expect(after[YELLOW]).not.toEqual(before[YELLOW]);
  });
});
