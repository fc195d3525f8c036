/**
 * The mapper and the scorer under fuzzing (10,000 generated sheets each run): random grids of
 * codes, labels, numbers and odd values with random merged areas, and real appendices with rows
 * garbled, dropped and repeated. Whatever a sheet holds, mapSheet → readEntries → scoreAll gives a
 * result for every indicator, each a status or, when it cannot be scored, an issue with a code
 * and a message in both languages — no exception escapes. (The cell reader has its own
 * 10,000-run property in test/core/read.test.ts.)
 */
import fc from 'fast-check';
import { CriteriaSet, listIndicators } from '../../src/core/criteria';
import { mapSheet, readEntries } from '../../src/core/mapping';
import { CellContent } from '../../src/core/read';
import { STATUSES, scoreAll } from '../../src/core/score';
import { CellArea, SheetSnapshot, parseA1 } from '../../src/core/snapshot';
import { MESSAGES } from '../../src/i18n/messages';
import { buildAppendix, sampleValues } from '../../src/testing/appendix';
import { loadCriteria } from '../core/helpers';

const RUNS = Number(process.env.GNLC_RUNS) > 0 ? Number(process.env.GNLC_RUNS) : 10_000;
const GARBLED_RUNS = Number(process.env.GNLC_RUNS) > 0 ? Number(process.env.GNLC_RUNS) : 5_000;

let criteria: CriteriaSet;
let ids: string[];
let appendix: SheetSnapshot;
beforeAll(() => {
  criteria = loadCriteria();
  ids = listIndicators(criteria).map((p) => p.indicator.id);
  // One department's return (a few dozen rows): the same layout as the whole appendix, fast enough for thousands of runs.
  appendix = buildAppendix(criteria, sampleValues(criteria), { onlyParty: 'Sở Lao động - Thương binh và Xã hội' }).sheet;
});

const WORDS = [
  '1.1.1.a', '1.1.1.', '1.1.1', '2.1.2', '3.3.4.a', '9.9.9.z', '1.', 'Tiêu chuẩn', 'Tiêu chí', 'Chỉ số', 'Phân công phụ trách', 'Số liệu', 'STT', 'Mã chỉ số',
  'Nam', 'Nữ', 'Tổng', 'Tỷ lệ', '%', 'Trẻ', '5 Xuất sắc', '1 Yếu', 'Tăng Giảm', 'Tăng', 'Giảm', 'x', 'Sở Y tế', 'UBND quận, huyện, thị xã',
  '95,5 %', '1.234', '#DIV/0!', 'chưa có', '', ' ', '\u200B', '\u202E%59', 'Chu¨a cã sè liÖu', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
  'Tỷ lệ người trong độ tuổi 15-60 được công nhận đạt chuẩn biết chữ mức độ 2 đạt ≥ 95%', 'a'.repeat(2000),
];

const cellArb: fc.Arbitrary<CellContent | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS).map((value) => ({ value })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((value) => ({ value })) },
  { weight: 2, arbitrary: fc.oneof(fc.double(), fc.integer({ min: -5, max: 200 }), fc.constantFrom(NaN, Infinity, -0, 0.955, 1e308, 5e-324)).map((value) => ({ value })) },
  { weight: 1, arbitrary: fc.boolean().map((value) => ({ value })) },
  {
    weight: 1,
    arbitrary: fc.record({
      value: fc.oneof(fc.constant(null), fc.constant(undefined), fc.string({ maxLength: 6 }), fc.double()),
      type: fc.constantFrom('empty', 'string', 'number', 'boolean', 'error', 'weird' as never),
      numberFormat: fc.constantFrom('General', '0.0%', 'dd/mm/yyyy', '@', '[Red]0%'),
      text: fc.constantFrom(undefined, '', '95%', 42 as never),
    }),
  },
);

const areaArb: fc.Arbitrary<CellArea> = fc
  .record({ top: fc.integer({ min: -2, max: 30 }), left: fc.integer({ min: -2, max: 10 }), h: fc.integer({ min: -1, max: 20 }), w: fc.integer({ min: -1, max: 8 }) })
  .map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));

/** A random grid: small, with codes and labels where a mapper looks. */
const gridArb: fc.Arbitrary<SheetSnapshot> = fc.record({
  name: fc.constantFrom('Phụ lục', 'Sheet1'),
  origin: fc.oneof(fc.constant({ row: 0, col: 0 }), fc.record({ row: fc.integer({ min: 0, max: 20 }), col: fc.integer({ min: 0, max: 4 }) })),
  cells: fc.array(fc.array(cellArb, { maxLength: 8 }), { maxLength: 20 }),
  merges: fc.array(areaArb, { maxLength: 5 }),
});

/** A real appendix with rows garbled, dropped, repeated and moved, and cells replaced. */
const garbledArb: fc.Arbitrary<(base: SheetSnapshot) => SheetSnapshot> = fc
  .record({
    drops: fc.array(fc.nat(), { maxLength: 8 }),
    repeats: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
    edits: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 9 }), cellArb), { maxLength: 12 }),
    merges: fc.array(areaArb, { maxLength: 4 }),
  })
  .map(({ drops, repeats, edits, merges }) => (base: SheetSnapshot) => {
    const cells = base.cells.map((r) => r.slice());
    for (const [from, to] of repeats) cells.splice(to % (cells.length + 1), 0, (cells[from % cells.length] ?? []).slice());
    for (const d of drops) cells.splice(d % Math.max(1, cells.length), 1);
    for (const [r, c, content] of edits) {
      const row = cells[r % Math.max(1, cells.length)];
      if (row) row[c] = content;
    }
    return { ...base, cells, merges: [...base.merges, ...merges] };
  });

/** Every indicator has a result: a status, and an issue with a code and a message when it cannot be scored. */
function checkResults(sheet: SheetSnapshot): void {
  const mapping = mapSheet(sheet, criteria);
  const results = scoreAll(criteria, readEntries(sheet, mapping, criteria));
  expect(results.map((r) => r.id).sort()).toEqual([...ids].sort());
  for (const r of results) {
    if (!(STATUSES as readonly string[]).includes(r.status)) throw new Error(`${r.id}: status ${String(r.status)}`);
    if ((r.status === 'invalid' || r.status === 'missing') && r.issues.length === 0) throw new Error(`${r.id}: ${r.status} without an issue`);
    if (!r.reason.vi || !r.reason.en) throw new Error(`${r.id}: no reason`);
    for (const c of r.cells) if (!parseA1(c)) throw new Error(`${r.id}: cell ${c}`);
    for (const issue of r.issues) {
      if (!Object.prototype.hasOwnProperty.call(MESSAGES, issue.code)) throw new Error(`${r.id}: unknown issue code ${issue.code}`);
      if (!issue.message.vi || !issue.message.en || /\[object /.test(issue.message.vi + issue.message.en)) throw new Error(`${r.id}: message ${JSON.stringify(issue.message)}`);
    }
  }
}

test(`mapSheet → readEntries → scoreAll on random grids with random merges: no exception, every result a status or an issue (${RUNS} runs)`, () => {
  let runs = 0;
  fc.assert(
    fc.property(gridArb, (sheet) => {
      runs++;
      checkResults(sheet);
    }),
    { numRuns: RUNS, seed: 424242 },
  );
  expect(runs).toBe(RUNS);
}, 60_000);

test(`… on a real department's return garbled (rows dropped, repeated, cells replaced, merges added) (${GARBLED_RUNS} runs)`, () => {
  let runs = 0;
  fc.assert(
    fc.property(garbledArb, (garble) => {
      runs++;
      checkResults(garble(appendix));
    }),
    { numRuns: GARBLED_RUNS, seed: 4242 },
  );
  expect(runs).toBe(GARBLED_RUNS);
}, 120_000);
