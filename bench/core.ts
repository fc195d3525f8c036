/**
 * Core: indicator scorings per second, on one return and on 30 returns; mapping time per 1,000
 * sheet rows. Each against a plain pass over the same cells, timed in the same run.
 */
import { listIndicators } from '../src/core/criteria';
import { mapSheet } from '../src/core/mapping';
import { readField } from '../src/core/read';
import { IndicatorEntry, scoreAll } from '../src/core/score';
import { SheetSnapshot } from '../src/core/snapshot';
import { summarise } from '../src/core/summary';
import { foldText } from '../src/core/text';
import { entryFrom, loadCriteria } from '../test/core/helpers';
import { BenchOptions, Row, interleaved } from './measure';
import { benchCriteria, loadSample, tallSheet } from './sample';

/** Typed values for every field: a mix of numbers and Vietnamese-style text, as departments type them. */
function returnValues(seed: number): Array<[string, Record<string, unknown>]> {
  const criteria = loadCriteria();
  return listIndicators(criteria).map(({ indicator }, i) => {
    const typed: Record<string, unknown> = {};
    indicator.fields.forEach((f, j) => {
      const k = (seed + i + j) % 4;
      typed[f.key] =
        f.kind === 'trend' ? (k % 2 ? 'Tăng' : 'giảm') : f.kind === 'rating' ? (k % 2 ? 4 : '3 Tốt') : f.kind === 'count' ? (k % 2 ? 1250 : '1.250') : k === 0 ? '95,5 %' : k === 1 ? 87.25 : k === 2 ? 'chưa có' : 99;
    });
    return [indicator.id, typed];
  });
}

export async function benchCore(options: BenchOptions): Promise<Row[]> {
  const criteria = loadCriteria();
  const byId = new Map(listIndicators(criteria).map((p) => [p.indicator.id, p.indicator]));
  const returns = Array.from({ length: 30 }, (_, seed) => returnValues(seed));
  const reps = options.quick ? 5 : 30;

  // Baseline: only reading every cell of the 30 returns, no scoring.
  const readOnly = () => {
    let n = 0;
    for (const ret of returns)
      for (const [id, typed] of ret)
        for (const f of byId.get(id)!.fields) if (readField({ value: typed[f.key] as string }, f, 'E1').status === 'value') n++;
    return n;
  };
  const scoreReturns = (count: number) => () => {
    for (const ret of returns.slice(0, count)) {
      const entries = new Map<string, IndicatorEntry>();
      for (const [id, typed] of ret) entries.set(id, entryFrom(byId.get(id)!, typed as never));
      summarise(criteria, scoreAll(criteria, entries));
    }
  };
  const time = (fn: () => unknown) => async () => {
    const t0 = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  // Taken in turns, so that a busy machine weighs on the baseline and the figures alike.
  const m = await interleaved({ base30: time(readOnly), one: time(scoreReturns(1)), thirty: time(scoreReturns(30)) }, reps, 3);
  const { base30, one, thirty } = m;
  const perSecond = Math.round((30 * byId.size) / (thirty / 1000));
  return [
    { group: 'core', name: `score 1 return (${byId.size} indicators), read+score+summary`, value: one, unit: 'ms', baselineName: '1/30 of reading 30 returns', baseline: base30 / 30 },
    {
      group: 'core',
      name: `score 30 returns (${30 * byId.size} indicators)`,
      value: thirty,
      unit: 'ms',
      baselineName: 'reading the same cells only',
      baseline: base30,
      budget: { max: 5, machineIndependent: false },
      note: `${perSecond.toLocaleString('en')} indicator scorings per second`,
    },
  ];
}

/** Every string cell folded once, uncached (the least any mapper must do: look at every text). */
function foldPass(sheet: SheetSnapshot): number {
  let n = 0;
  for (const row of sheet.cells) for (const c of row) if (c && typeof c.value === 'string') n += foldText(c.value, true).length;
  return n;
}

/** Mapping (mapSheet) time per 1,000 sheet rows, on the example appendix grown to 1,000 and 10,000 rows. */
export async function benchMapping(options: BenchOptions): Promise<Row[]> {
  const criteria = benchCriteria();
  const { appendix } = await loadSample();
  const reps = options.quick ? 5 : 25;
  const rows: Row[] = [];
  for (const n of [1_000, 10_000]) {
    const sheet = tallSheet(appendix, n);
    const per = 1000 / n;
    const sample = async (fn: () => unknown) => {
      const t0 = process.hrtime.bigint();
      fn();
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    const m = await interleaved({ map: () => sample(() => mapSheet(sheet, criteria)), fold: () => sample(() => foldPass(sheet)) }, reps, 2);
    rows.push({
      group: 'core',
      name: `mapSheet, ${n.toLocaleString('en')}-row sheet, per 1,000 rows`,
      value: m.map * per,
      unit: 'ms',
      baselineName: 'folding every text cell once',
      baseline: m.fold * per,
      budget: { max: 5, machineIndependent: false },
      note: `${m.map.toFixed(1)} ms for the sheet (${appendix.cells.length} appendix rows, the rest a department's notes)`,
    });
  }
  return rows;
}
