/**
 * Live checking (src/hosts/office/live.ts) against the fake Excel's change events:
 * - an edit re-reads only the changed indicators' cells (one read batch), re-scores and recolours
 *   only those (one write batch: the state, then the fills);
 * - the add-in's own fill writes fire change events (the fake reports formatting through
 *   onChanged, the pessimistic case) and they are ignored: with `triggerSource` (ExcelApi 1.14)
 *   and without it (older builds: the cells being written); even one that gets through writes
 *   nothing — it never loops;
 * - a burst of edits is coalesced into one check; co-authors' (Remote) edits are checked too;
 * - stop() unregisters; failures come back through onError with the person's message.
 */
import { STATE_SHEET, STATUS_FILL, WorkbookState, decodeState } from '../../src/core/plan';
import { indicatorCells } from '../../src/core/live';
import { compareIds } from '../../src/core/criteria';
import { FakeExcel, createFakeExcel, sheetDataFromSnapshot } from '../../src/testing/fake-excel';
import { DescribedError, LiveSession, LiveUpdate, OfficeHost, startLiveChecking } from '../../src/hosts/office';
import { scoreCounted, clearCounted } from '../hosts/office/counted';
import { buildAppendix, sampleValues, withValue } from '../../src/testing/appendix';
import { SHEET, criteria } from './helpers';

const c = criteria();
const built = buildAppendix(c, withValue(sampleValues(c), '1.1.1.a', 'value', '93,5%'), {}, SHEET);
const cellOf = (id: string) => built.expected[id]!.valueCells.value!;
const LITERACY = cellOf('1.1.1.a'); // unmet at first
const OTHER = cellOf('1.1.2.a'); // met

interface Setup {
  fake: FakeExcel;
  host: OfficeHost;
  session: LiveSession;
  updates: LiveUpdate[];
  errors: DescribedError[];
}

async function setup(options: { triggerSource?: boolean; ownWriteWindowMs?: number; debounceMs?: number; originalFill?: boolean; delayForCellEdit?: boolean } = {}): Promise<Setup> {
  const data = sheetDataFromSnapshot(built.sheet);
  if (options.originalFill) data.cells![LITERACY] = { ...(data.cells![LITERACY] as object), fill: { color: '#FFFFFF' } };
  const fake = createFakeExcel({ name: 'Phu-luc.xlsx', sheets: [data], active: SHEET }, { events: { triggerSource: options.triggerSource ?? true, formatChangesFire: true } }); // the pessimistic case: a build that also reports fills on onChanged
  // delayForCellEdit (ExcelApi 1.11) off unless asked: the cell-edit test is about builds without it.
  const host = new OfficeHost(fake.run, { isSetSupported: (_s, v) => v !== '1.11' || options.delayForCellEdit === true });
  const scored = await scoreCounted(host, c, 'vi');
  const updates: LiveUpdate[] = [];
  const errors: DescribedError[] = [];
  const session = await startLiveChecking(host, c, {
    lang: 'vi',
    from: scored,
    onResults: (u) => updates.push(u),
    onError: (e) => errors.push(e),
    debounceMs: options.debounceMs ?? 15,
    ...(options.ownWriteWindowMs !== undefined ? { ownWriteWindowMs: options.ownWriteWindowMs } : {}),
  });
  return { fake, host, session, updates, errors };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until events, checks and syncs have all stopped (and stay stopped for a while). */
async function settle({ fake, session }: Pick<Setup, 'fake' | 'session'>): Promise<void> {
  let quietRounds = 0;
  let last = -1;
  while (quietRounds < 3) {
    await fake.events.idle();
    await session.idle();
    await sleep(25);
    const now = fake.counters.syncs * 100000 + fake.events.delivered.length;
    quietRounds = now === last ? quietRounds + 1 : 0;
    last = now;
  }
}

function state(fake: FakeExcel): WorkbookState | null {
  const s = fake.workbook.sheet(STATE_SHEET)!;
  const column: unknown[] = [];
  for (let r = 1; s.cell(`A${r}`).value !== null; r++) column.push(s.cell(`A${r}`).value);
  return decodeState(column);
}

const fillOf = (fake: FakeExcel, address: string) => fake.workbook.sheet(SHEET)!.cell(address).fill;

describe('an edit', () => {
  test('re-reads only the changed indicator’s cells, re-scores and recolours it: one read, one write', async () => {
    const s = await setup();
    expect(s.fake.events.handlerCount(SHEET)).toBe(1);
    expect(fillOf(s.fake, LITERACY)).toEqual({ color: STATUS_FILL.unmet, pattern: 'Solid' });
    const syncs = s.fake.counters.syncs;
    s.fake.workbook.setCell(SHEET, LITERACY, 97);
    await settle(s);
    expect(s.fake.counters.syncs - syncs).toBe(2);
    expect(s.updates).toHaveLength(1);
    const u = s.updates[0]!;
    expect(u.changed).toEqual(['1.1.1.a']);
    expect(u.results.map((r) => r.status)).toEqual(['met']);
    expect(u.run.summary.totals.met).toBe(57);
    expect(u.recoloured).toBe(1);
    expect(fillOf(s.fake, LITERACY)).toEqual({ color: STATUS_FILL.met, pattern: 'Solid' });
    // The read loaded the indicator's cells only (and the state column), nothing else of the sheet.
    const readSync = syncs + 1;
    const rangeLoads = s.fake.log.filter((l) => l.sync === readSync && l.kind === 'load' && l.type === 'Range').map((l) => l.target);
    expect(indicatorCells(s.session.current().mapping, ['1.1.1.a'])).toEqual([LITERACY]);
    expect(rangeLoads).toEqual([`'${SHEET}'!${LITERACY}`, expect.stringMatching(/^GNLC_State!A1(:A\d+)?$/)]);
    // The write: the state, then one fill, on the sheet only at that cell.
    const writes = s.fake.log.filter((l) => l.sync === readSync + 1 && l.write);
    expect(writes.filter((l) => l.target?.startsWith(`${SHEET}!`) || l.target?.startsWith(`'${SHEET}'!`)).map((l) => l.target)).toEqual([`${SHEET}!${LITERACY}`]);
    expect(state(s.fake)!.colours[SHEET]![LITERACY]!.applied).toBe(STATUS_FILL.met);
    await s.session.stop();
  });

  test('an edit outside every indicator’s cells costs nothing', async () => {
    const s = await setup();
    const syncs = s.fake.counters.syncs;
    s.fake.workbook.setCell(SHEET, 'A1', 'Phụ lục (sửa)');
    s.fake.workbook.setCell(SHEET, 'Z500', 12);
    await settle(s);
    expect(s.fake.counters.syncs).toBe(syncs);
    expect(s.session.stats.checks).toBe(1);
    expect(s.updates).toEqual([]);
    await s.session.stop();
  });
});

describe('never loops', () => {
  test('ExcelApi 1.14: the add-in’s own fill writes fire events (triggerSource ThisLocalAddin), ignored', async () => {
    const s = await setup({ triggerSource: true });
    s.fake.workbook.setCell(SHEET, LITERACY, 97);
    await settle(s);
    const own = s.fake.events.delivered.filter((e) => e.triggerSource === 'ThisLocalAddin');
    expect(own.length).toBeGreaterThan(0);
    expect(s.session.stats).toMatchObject({ checks: 1, writes: 1, ignored: own.length });
    const syncs = s.fake.counters.syncs;
    await sleep(150);
    await settle(s);
    expect(s.fake.counters.syncs).toBe(syncs);
    await s.session.stop();
  });

  test('older builds (no triggerSource): the cells being written are recognised as the add-in’s own', async () => {
    const s = await setup({ triggerSource: false });
    s.fake.workbook.setCell(SHEET, LITERACY, 97);
    await settle(s);
    expect(s.fake.events.delivered.every((e) => e.triggerSource === undefined)).toBe(true);
    expect(s.session.stats.ignored).toBeGreaterThan(0);
    expect(s.session.stats).toMatchObject({ checks: 1, writes: 1 });
    await s.session.stop();
  });

  test('even an own event that gets through (no triggerSource, no guard window) is checked once and writes nothing', async () => {
    const s = await setup({ triggerSource: false, ownWriteWindowMs: -1 });
    s.fake.workbook.setCell(SHEET, LITERACY, 97);
    await settle(s);
    expect(s.session.stats.ignored).toBe(0);
    expect(s.session.stats).toMatchObject({ checks: 2, writes: 1, unchanged: 1 });
    const syncs = s.fake.counters.syncs;
    await sleep(150);
    await settle(s);
    expect(s.fake.counters.syncs).toBe(syncs);
    await s.session.stop();
  });
});

describe('what is checked', () => {
  test('a burst of edits is coalesced: one check, one read and one write for all of them', async () => {
    const s = await setup({ debounceMs: 40 });
    const ids = ['1.1.1.a', '1.1.2.a', '1.1.3.a', '1.2.1.a', '1.2.3.a', '1.3.1.a', '1.3.2.a', '2.1.3.a', '2.1.4.a', '2.1.5.a'];
    const syncs = s.fake.counters.syncs;
    ids.forEach((id, i) => s.fake.workbook.setCell(SHEET, cellOf(id), i % 2 ? 50 : 97));
    await settle(s);
    expect(s.session.stats.checks).toBe(1);
    expect(s.fake.counters.syncs - syncs).toBe(2);
    expect(s.updates).toHaveLength(1);
    expect(s.updates[0]!.changed).toEqual([...ids].sort(compareIds));
    await s.session.stop();
  });

  test('co-authors’ edits (source Remote, Excel on the web) are checked too', async () => {
    const s = await setup();
    s.fake.workbook.setCell(SHEET, OTHER, '12%', { source: 'Remote' });
    await settle(s);
    expect(s.updates).toHaveLength(1);
    expect(s.updates[0]).toMatchObject({ changed: ['1.1.2.a'], remote: true });
    expect(s.updates[0]!.results[0]!.status).toBe('unmet');
    expect(fillOf(s.fake, OTHER)).toEqual({ color: STATUS_FILL.unmet, pattern: 'Solid' });
    await s.session.stop();
  });

  test('a fill the person changed by hand stays: a check whose status did not change writes nothing', async () => {
    const s = await setup();
    s.fake.workbook.setFill(SHEET, OTHER, { color: '#00B0F0' });
    s.fake.workbook.setCell(SHEET, OTHER, 99); // still met
    await settle(s);
    expect(s.session.stats).toMatchObject({ writes: 0 });
    expect(fillOf(s.fake, OTHER)).toEqual({ color: '#00B0F0', pattern: 'Solid' });
    await s.session.stop();
  });

  test('rows inserted or deleted: the whole sheet is read and mapped again', async () => {
    const s = await setup();
    s.fake.workbook.emitChanged(SHEET, '20:20', { changeType: 'RowInserted' });
    await settle(s);
    expect(s.updates).toHaveLength(1);
    expect(s.updates[0]!.full).toBe(true);
    expect(s.updates[0]!.changed).toHaveLength(57);
    await s.session.stop();
  });

  test('after "Xóa màu" the results keep updating but the sheet stays uncoloured', async () => {
    const s = await setup();
    await clearCounted(s.host);
    await settle(s);
    const fills = () => Object.fromEntries(Object.entries(s.fake.workbook.sheet(SHEET)!.cells()).map(([a, v]) => [a, v.fill]));
    const before = fills();
    s.fake.workbook.setCell(SHEET, LITERACY, 97);
    await settle(s);
    expect(s.updates.at(-1)!.results[0]!.status).toBe('met');
    expect(s.updates.at(-1)!.recoloured).toBe(0);
    expect(fills()[LITERACY]).toBeNull();
    expect(fills()).toEqual(before);
    await s.session.stop();
  });

  test('live recolouring keeps the originals: "Xóa màu" afterwards gives back the fill from before the first run', async () => {
    const s = await setup({ originalFill: true });
    s.fake.workbook.setCell(SHEET, LITERACY, 97); // unmet → met
    await settle(s);
    s.fake.workbook.setCell(SHEET, LITERACY, 'chưa có'); // met → missing
    await settle(s);
    expect(fillOf(s.fake, LITERACY)).toEqual({ color: STATUS_FILL.missing, pattern: 'Solid' });
    await s.session.stop();
    await clearCounted(s.host);
    expect(fillOf(s.fake, LITERACY)).toEqual({ color: '#FFFFFF', pattern: 'Solid' });
  });
});

describe('failures and stopping', () => {
  test('a protected sheet: results update, nothing is written, the warning says why', async () => {
    const s = await setup();
    s.fake.workbook.protect(SHEET);
    const before = JSON.stringify(s.fake.workbook.export());
    s.fake.workbook.setCell(SHEET, LITERACY, 97);
    await settle(s);
    expect(s.updates[0]!.warnings.map((w) => w.code)).toEqual(['sheet-protected']);
    expect(s.session.stats.writes).toBe(0);
    const after = JSON.parse(JSON.stringify(s.fake.workbook.export())) as { sheets: Array<{ name: string; cells: Record<string, { fill?: unknown }> }> };
    const was = JSON.parse(before) as typeof after;
    expect(after.sheets.find((x) => x.name === STATE_SHEET)).toEqual(was.sheets.find((x) => x.name === STATE_SHEET));
    await s.session.stop();
  });

  test('the person is editing a cell when a check runs: the error is reported, nothing written; the next edit is checked', async () => {
    const s = await setup();
    s.fake.inject({ kind: 'refuse', code: 'InvalidOperationInCellEditMode' });
    s.fake.workbook.setCell(SHEET, LITERACY, 97);
    await settle(s);
    expect(s.errors.map((e) => e.kind)).toEqual(['cell-edit-mode']);
    expect(s.errors[0]!.message).toContain('Hãy thoát chế độ sửa ô (nhấn Enter hoặc Esc) rồi thử lại');
    expect(fillOf(s.fake, LITERACY)).toEqual({ color: STATUS_FILL.unmet, pattern: 'Solid' });
    s.fake.workbook.setCell(SHEET, LITERACY, 98);
    await settle(s);
    expect(fillOf(s.fake, LITERACY)).toEqual({ color: STATUS_FILL.met, pattern: 'Solid' });
    await s.session.stop();
  });

  test('the sheet is deleted: the error says so and live checking stops', async () => {
    const s = await setup();
    s.fake.workbook.setCell(SHEET, LITERACY, 97);
    s.fake.inject({ kind: 'before', run: () => s.fake.workbook.deleteSheet(SHEET) });
    await settle(s);
    expect(s.errors.map((e) => e.kind)).toEqual(['sheet-missing']);
    expect(s.session.stopped).toBe(true);
  });

  test('stop() during a check: it waits for the check, which writes nothing more; then "Xóa màu" is safe', async () => {
    const s = await setup({ originalFill: true });
    let stopping: Promise<void> | null = null;
    // The person closes the pane while the check's read is on its way.
    s.fake.inject({ kind: 'before', run: () => void (stopping = s.session.stop()) });
    s.fake.workbook.setCell(SHEET, LITERACY, 97);
    await settle(s);
    expect(stopping).not.toBeNull();
    await stopping;
    expect(s.session.stats).toMatchObject({ checks: 1, writes: 0 });
    expect(fillOf(s.fake, LITERACY)).toEqual({ color: STATUS_FILL.unmet, pattern: 'Solid' });
    await clearCounted(s.host);
    expect(fillOf(s.fake, LITERACY)).toEqual({ color: '#FFFFFF', pattern: 'Solid' });
  });

  test('stop() unregisters the handler: later edits cost nothing', async () => {
    const s = await setup();
    await s.session.stop();
    expect(s.fake.events.handlerCount()).toBe(0);
    const syncs = s.fake.counters.syncs;
    s.fake.workbook.setCell(SHEET, LITERACY, 97);
    await settle(s);
    expect(s.fake.counters.syncs).toBe(syncs);
    expect(s.updates).toEqual([]);
    expect(s.fake.events.handlerErrors).toEqual([]);
  });

  test('started without a run: one read, then the same checks', async () => {
    const data = sheetDataFromSnapshot(built.sheet);
    const f = createFakeExcel({ sheets: [data], active: SHEET });
    const host = new OfficeHost(f.run, { isSetSupported: () => true });
    await scoreCounted(host, c, 'vi');
    const updates: LiveUpdate[] = [];
    const session = await startLiveChecking(new OfficeHost(f.run, { isSetSupported: () => true }), c, { lang: 'en', sheet: SHEET, onResults: (u) => updates.push(u), debounceMs: 10 });
    f.workbook.setCell(SHEET, LITERACY, 97);
    await settle({ fake: f, session });
    expect(updates.map((u) => u.results[0]!.status)).toEqual(['met']);
    await session.stop();
  });
});
