/**
 * Guarantee: Excel's own failure modes end with a clear Vietnamese/English message and nothing
 * half-written. Each failure is injected into the fake Excel (see FakeFault) at the read or at the
 * write; afterwards the person's cells and fills are as they were, or — when Excel had already
 * applied part of a batch — the stored state matches exactly the fills in the workbook, so
 * "Xóa màu" still gives every original fill back.
 */
import { STATE_SHEET, WorkbookState, decodeState } from '../../src/core/plan';
import { FakeExcel, createFakeExcel, sheetDataFromSnapshot } from '../../src/testing/fake-excel';
import { OfficeHost, OfficeHostOptions, describeOfficeError, workbookOutcome } from '../../src/hosts/office';
import { scoreCounted, clearCounted } from '../hosts/office/counted';
import { buildAppendix, sampleValues, withValue } from '../../src/testing/appendix';
import { SHEET, criteria } from './helpers';

const c = criteria();
let values = sampleValues(c);
values = withValue(values, '1.1.1.a', 'value', '93,5%');
values = withValue(values, '1.3.1.a', 'value', 'đang cập nhật');
const built = buildAppendix(c, values, {}, SHEET);
const MAPPED = Object.values(built.expected).flatMap((e) => Object.values(e.fields).flat());
const WHITE = Object.values(built.expected['1.1.2.a']!.valueCells)[0]!;
const YELLOW = Object.values(built.expected['1.2.1.a']!.valueCells)[0]!;

function book(): FakeExcel {
  const data = sheetDataFromSnapshot(built.sheet);
  data.cells![WHITE] = { ...(data.cells![WHITE] as object), fill: { color: '#FFFFFF' } };
  data.cells![YELLOW] = { ...(data.cells![YELLOW] as object), fill: { color: '#FFFF00' } };
  return createFakeExcel({ name: 'Phu-luc.xlsx', sheets: [data, { name: 'Ghi chú', cells: { A1: 'của tôi', B2: 5 } }], active: SHEET });
}

function host(fake: FakeExcel, options: OfficeHostOptions = {}): OfficeHost {
  return new OfficeHost(fake.run, { isSetSupported: () => true, ...options });
}

/** Everything a person has in the workbook: the appendix's and their own sheet's cells, values and fills. */
function personal(fake: FakeExcel) {
  return { appendix: fake.workbook.sheet(SHEET)!.cells(), notes: fake.workbook.sheet('Ghi chú')!.cells() };
}

function storedState(fake: FakeExcel): WorkbookState | null {
  const s = fake.workbook.sheet(STATE_SHEET);
  if (!s) return null;
  const column: unknown[] = [];
  for (let r = 1; s.cell(`A${r}`).value !== null; r++) column.push(s.cell(`A${r}`).value);
  return decodeState(column);
}

/**
 * The state says exactly what is in the workbook: every recorded cell shows the colour the
 * record says was applied, with the original the cell had before the product; every cell that
 * no longer shows its original fill has a record.
 */
function expectConsistent(fake: FakeExcel, original: ReturnType<typeof personal>): void {
  const records = storedState(fake)?.colours[SHEET] ?? {};
  const now = fake.workbook.sheet(SHEET)!;
  for (const [address, rec] of Object.entries(records)) {
    expect([address, now.cell(address).fill]).toEqual([address, { color: rec.applied, pattern: 'Solid' }]);
    const was = original.appendix[address]?.fill ?? null;
    expect([address, rec.original]).toEqual([address, was === null ? { color: null } : { color: was.color, pattern: was.pattern }]);
  }
  for (const address of MAPPED) {
    const was = original.appendix[address]?.fill ?? null;
    if (JSON.stringify(now.cell(address).fill) !== JSON.stringify(was)) expect([address, records[address]]).toEqual([address, expect.anything()]);
  }
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the action to fail');
}

describe('the person is editing a cell (InvalidOperationInCellEditMode), on builds before ExcelApi 1.11 (no delayForCellEdit)', () => {
  const before111 = { isSetSupported: (_s: string, v: string) => v !== '1.11' };
  test('at the read: a clear message, nothing written; the same action works once they leave edit mode', async () => {
    const fake = book();
    const before = fake.workbook.export();
    fake.inject({ kind: 'refuse', code: 'InvalidOperationInCellEditMode' });
    const e = await failure(scoreCounted(host(fake, before111), c, 'vi'));
    const d = describeOfficeError(e, 'vi');
    expect(d).toMatchObject({ kind: 'cell-edit-mode', retry: true, code: 'InvalidOperationInCellEditMode' });
    expect(d.message).toContain('Hãy thoát chế độ sửa ô (nhấn Enter hoặc Esc) rồi thử lại');
    expect(describeOfficeError(e, 'en').message).toMatch(/press Enter or Esc/);
    expect(fake.workbook.export()).toEqual(before);
    await scoreCounted(host(fake), c, 'vi');
    expect(storedState(fake)).not.toBeNull();
  });

  test('at the write: refused whole, nothing written ("unchanged")', async () => {
    const fake = book();
    const before = fake.workbook.export();
    fake.inject({ kind: 'refuse', code: 'InvalidOperationInCellEditMode' }, { when: (s) => s.writes > 0 });
    const e = await failure(scoreCounted(host(fake, before111), c, 'vi'));
    expect(workbookOutcome(e)).toBe('unchanged');
    expect(describeOfficeError(e, 'vi').message).toMatch(/Hãy thoát chế độ sửa ô .* Bảng tính không bị thay đổi\.$/);
    expect(fake.workbook.export()).toEqual(before);
  });
});

describe('Excel on the web’s payload limit (RequestPayloadSizeLimitExceeded)', () => {
  test('a refused write batch is sent again in smaller syncs; the result is the same as one batch', async () => {
    const reference = book();
    await scoreCounted(host(reference), c, 'vi');
    const fake = book();
    fake.inject({ kind: 'refuse', code: 'RequestPayloadSizeLimitExceeded' }, { when: (s) => s.writes > 0 });
    const result = await scoreCounted(host(fake), c, 'vi');
    expect(result.counts.retries).toBe(1);
    expect(fake.syncLog.filter((s) => s.error === 'RequestPayloadSizeLimitExceeded')).toHaveLength(1);
    expect(fake.workbook.export()).toEqual(reference.workbook.export());
  });

  test('refused again after part of a multi-sync write: the state matches what was applied, clear restores exactly', async () => {
    const fake = book();
    const original = personal(fake);
    let writeSyncs = 0;
    // The third write sync is refused: the state and some fills are in, the rest is not.
    fake.inject({ kind: 'refuse', code: 'RequestPayloadSizeLimitExceeded' }, { when: (s) => s.writes > 0 && ++writeSyncs === 3 });
    const e = await failure(scoreCounted(host(fake, { writeCellsPerSync: 40 }), c, 'vi'));
    expect(workbookOutcome(e)).toBe('consistent');
    expect(describeOfficeError(e, 'vi')).toMatchObject({ kind: 'payload-too-large', workbook: 'consistent' });
    expect(Object.keys(storedState(fake)?.colours[SHEET] ?? {}).length).toBeGreaterThan(0);
    expectConsistent(fake, original);
    await clearCounted(host(fake));
    expect(personal(fake)).toEqual(original);
  });
});

describe('`values` comes back null for a very large range', () => {
  test('the read fails with a clear message; nothing written', async () => {
    const cells: Record<string, number> = {};
    for (let r = 1; r <= 3000; r++) cells[`A${r}`] = r;
    const fake = createFakeExcel({ sheets: [{ name: 'S', cells }] });
    const before = fake.workbook.export();
    fake.inject({ kind: 'null-values', minCells: 500 }, { times: 10 });
    const e = await failure(scoreCounted(host(fake), c, 'vi', { sheet: 'S' }));
    expect(e).toMatchObject({ code: 'NoValues' });
    const d = describeOfficeError(e, 'vi');
    expect(d.kind).toBe('no-values');
    expect(d.message).toMatch(/Ctrl\+End/);
    expect(fake.workbook.export()).toEqual(before);
  });
});

describe('a sync that never returns', () => {
  test('at the read: times out after the configured time, tells the person, nothing written', async () => {
    const fake = book();
    const before = fake.workbook.export();
    fake.inject({ kind: 'hang' });
    const started = Date.now();
    const e = await failure(scoreCounted(host(fake, { syncTimeoutMs: 80 }), c, 'vi'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(e).toMatchObject({ code: 'SyncTimeout' });
    const d = describeOfficeError(e, 'vi');
    expect(d).toMatchObject({ kind: 'timeout', retry: true });
    expect(d.message).toContain('Excel không trả lời sau 0,1 giây'.replace('0,1', '0.1'));
    expect(fake.workbook.export()).toEqual(before);
  });

  test('at the write: the outcome is "unknown" (Excel may still run it); the next run works', async () => {
    const fake = book();
    const before = fake.workbook.export();
    const h = host(fake, { syncTimeoutMs: 80 });
    fake.inject({ kind: 'hang' }, { when: (s) => s.writes > 0 });
    const e = await failure(scoreCounted(h, c, 'en'));
    expect(workbookOutcome(e)).toBe('unknown');
    expect(describeOfficeError(e, 'en').message).toMatch(/did not answer within 0.1 seconds.*may still be writing/);
    expect(fake.workbook.export()).toEqual(before);
    await scoreCounted(h, c, 'vi');
    expect(storedState(fake)).not.toBeNull();
  });

  test('the default limit is 60 s and 0 turns it off', async () => {
    const fake = book();
    await scoreCounted(host(fake, { syncTimeoutMs: 0 }), c, 'vi');
    expect(storedState(fake)).not.toBeNull();
  });
});

describe('a protected sheet', () => {
  test('scoring does not colour it, says why (sheet-protected), writes the summary; nothing is written to the sheet', async () => {
    const fake = book();
    fake.workbook.protect(SHEET);
    const original = personal(fake);
    const result = await scoreCounted(host(fake), c, 'vi');
    expect(result.warnings.map((w) => w.code)).toEqual(['sheet-protected']);
    expect(result.warnings[0]!.message.vi).toContain('đang được bảo vệ');
    expect(result.plan.fills).toEqual([]);
    expect(personal(fake)).toEqual(original);
    expect(fake.log.filter((l) => l.write && l.target?.startsWith(SHEET))).toEqual([]);
    expect(fake.workbook.sheet('Tổng hợp GNLC')).not.toBeNull();
  });

  test('"Xóa màu" on a sheet protected after scoring is refused before any write, with what to do', async () => {
    const fake = book();
    await scoreCounted(host(fake), c, 'vi');
    fake.workbook.protect(SHEET);
    const before = fake.workbook.export();
    const e = await failure(clearCounted(host(fake)));
    expect(e).toMatchObject({ code: 'SheetProtected' });
    expect(workbookOutcome(e)).toBe('unchanged');
    expect(describeOfficeError(e, 'vi').message).toMatch(/Trang "Phụ lục" đang được bảo vệ .*Xem lại › Bỏ bảo vệ trang tính/);
    expect(fake.workbook.export()).toEqual(before);
  });

  test('protected between the read and the write (AccessDenied half-way): the state is put back to what was applied', async () => {
    const fake = book();
    const original = personal(fake);
    fake.inject({ kind: 'before', run: () => fake.workbook.protect(SHEET) }, { when: (s) => s.writes > 0 });
    const e = await failure(scoreCounted(host(fake), c, 'vi'));
    expect(e).toMatchObject({ code: 'AccessDenied' });
    expect(workbookOutcome(e)).toBe('consistent');
    expect(describeOfficeError(e, 'vi')).toMatchObject({ kind: 'sheet-protected', workbook: 'consistent' });
    expect(personal(fake)).toEqual(original);
    // The state was written before the fills were refused: reconciled, it claims no fill.
    expect(storedState(fake)?.colours[SHEET]).toBeUndefined();
    expectConsistent(fake, original);
  });
});

describe('a sheet deleted during a run', () => {
  test('between the read and the write: ItemNotFound before any write, a clear message, the state not written', async () => {
    const fake = book();
    fake.inject({ kind: 'before', run: () => fake.workbook.deleteSheet(SHEET) }, { when: (s) => s.writes > 0 });
    const e = await failure(scoreCounted(host(fake), c, 'vi'));
    expect(e).toMatchObject({ code: 'ItemNotFound' });
    expect(workbookOutcome(e)).toBe('unchanged');
    expect(describeOfficeError(e, 'vi')).toMatchObject({ kind: 'sheet-missing', retry: true });
    expect(describeOfficeError(e, 'vi').message).toContain('đã bị xóa hoặc đổi tên');
    expect(fake.workbook.sheetNames()).toEqual(['Ghi chú']);
  });

  test('between two write syncs: the state keeps no record of the deleted sheet', async () => {
    const fake = book();
    let writeSyncs = 0;
    fake.inject({ kind: 'before', run: () => fake.workbook.deleteSheet(SHEET) }, { when: (s) => s.writes > 0 && ++writeSyncs === 2 });
    const e = await failure(scoreCounted(host(fake, { writeCellsPerSync: 40 }), c, 'vi'));
    expect(e).toMatchObject({ code: 'ItemNotFound' });
    expect(workbookOutcome(e)).toBe('consistent');
    expect(storedState(fake)?.colours[SHEET]).toBeUndefined();
  });

  test('"Xóa màu" of a sheet deleted since scoring: ItemNotFound at the read, nothing written', async () => {
    const fake = book();
    await scoreCounted(host(fake), c, 'vi');
    fake.workbook.deleteSheet(SHEET);
    const before = fake.workbook.export();
    const e = await failure(clearCounted(host(fake), { sheet: SHEET }));
    expect(describeOfficeError(e, 'en').message).toMatch(/deleted or renamed/);
    expect(fake.workbook.export()).toEqual(before);
  });
});

describe('a batch that fails half-way for any other reason', () => {
  /** A second run that changes many statuses: each write sync carries fills that differ from the first run's. */
  async function scoredThenEdited(): Promise<FakeExcel> {
    const fake = book();
    await scoreCounted(host(fake), c, 'vi');
    const ids = Object.keys(built.expected).filter((id) => built.expected[id]!.fields.value);
    ids.slice(0, 24).forEach((id, i) => {
      const address = built.expected[id]!.valueCells.value!;
      fake.workbook.setCell(SHEET, address, i % 3 === 0 ? 'chưa có' : i % 3 === 1 ? '150%' : 1);
    });
    return fake;
  }

  test('at every write sync, after 0, 1, half and all but one of its commands: the state matches the fills; clear restores every original fill', async () => {
    const original = personal(book());
    // The write syncs of the same run without a failure, and how many commands each holds.
    const reference = await scoredThenEdited();
    const firstSync = reference.counters.syncs + 1;
    await scoreCounted(host(reference, { writeCellsPerSync: 30 }), c, 'vi');
    // Commands as the fault counts them: loads and writes (the log), not the creation of proxies.
    const syncs = reference.syncLog.filter((s) => s.index >= firstSync && s.writes > 0).map((s) => s.index);
    // The syncs that matter: up to the last one colouring the appendix, and the first after it (the summary's).
    const lastFill = Math.max(...syncs.filter((i) => reference.log.some((l) => l.sync === i && l.type === 'RangeFill' && l.target?.startsWith(SHEET))).map((i) => syncs.indexOf(i)));
    const writeSyncs = syncs.slice(0, lastFill + 2).map((i) => reference.log.filter((l) => l.sync === i).length);
    expect(writeSyncs.length).toBeGreaterThan(2);

    let cases = 0;
    let consistent = 0;
    for (let k = 0; k < writeSyncs.length; k++) {
      const commands = writeSyncs[k]!;
      for (const n of [...new Set([0, 1, Math.floor(commands / 2), commands - 2, commands - 1])].filter((x) => x >= 0 && x < commands)) {
        const fake = await scoredThenEdited();
        let seen = 0;
        fake.inject({ kind: 'fail-after', commands: n, code: 'GeneralException' }, { when: (s) => s.writes > 0 && seen++ === k });
        const e = await failure(scoreCounted(host(fake, { writeCellsPerSync: 30 }), c, 'vi'));
        const where = `write sync ${k + 1}, after ${n} of ${commands} commands`;
        expect([where, describeOfficeError(e, 'vi').kind]).toEqual([where, 'busy']);
        const outcome = workbookOutcome(e);
        expect([where, ['unchanged', 'consistent'].includes(String(outcome))]).toEqual([where, true]);
        if (outcome === 'consistent') consistent++;
        expectConsistent(fake, original);
        await clearCounted(host(fake));
        const after = personal(fake);
        for (const a of MAPPED) expect([where, a, after.appendix[a]?.fill ?? null]).toEqual([where, a, original.appendix[a]?.fill ?? null]);
        expect(after.notes).toEqual(original.notes);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(10);
    expect(consistent).toBeGreaterThan(cases / 2);
  }, 90_000);
});

describe('describeOfficeError', () => {
  test('any error, in both languages, one line; never throws', () => {
    const errors: unknown[] = [new Error('boom\nsecond line'), { code: 'ActivityLimitReached' }, { code: 'InvalidOperationInCellEditMode' }, 'text', null, undefined, 42, { code: 'RangeExceedsLimit', message: 'big' }];
    for (const e of errors)
      for (const lang of ['vi', 'en'] as const) {
        const d = describeOfficeError(e, lang);
        expect(d.message.length).toBeGreaterThan(10);
        expect(d.message).not.toMatch(/\n/);
      }
    expect(describeOfficeError({ code: 'ActivityLimitReached' }, 'vi').kind).toBe('busy');
    expect(describeOfficeError(new Error('boom'), 'en').message).toBe('Excel reported an error: boom.');
  });
});
