/** Core: indicator scorings per second, on one return and on 30 returns. */
import { listIndicators } from '../src/core/criteria';
import { readField } from '../src/core/read';
import { IndicatorEntry, scoreAll } from '../src/core/score';
import { summarise } from '../src/core/summary';
import { entryFrom, loadCriteria } from '../test/core/helpers';
import { BenchOptions, Row, medianMs } from './measure';

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
  const base30 = await medianMs(readOnly, reps);
  const one = await medianMs(scoreReturns(1), reps);
  const thirty = await medianMs(scoreReturns(30), reps);
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
      budgetOn: 'value',
      budget: { max: 50, machineIndependent: false },
      note: `${perSecond.toLocaleString('en')} indicator scorings per second`,
    },
  ];
}
