/** Timing and the results table shared by every benchmark. */
export interface BenchOptions {
  /** Fewer repetitions (CI). */
  quick: boolean;
}

export interface Budget {
  /** The figure must be at most this. */
  max: number;
  /** Enforced in quick mode (CI) too: only for figures that do not depend on the machine's speed. */
  machineIndependent: boolean;
}

export interface Row {
  group: string;
  name: string;
  value: number;
  unit: string;
  baselineName: string;
  baseline: number;
  /** What the budget applies to: the ratio value/baseline, or the value itself. */
  budgetOn?: 'ratio' | 'value';
  budget?: Budget;
  note?: string;
}

/** Median wall time in milliseconds of `fn` over `reps` runs, after `warmup` runs. */
export async function medianMs(fn: () => unknown, reps: number, warmup = Math.min(3, reps)): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function ratio(row: Row): number {
  return row.baseline === 0 ? NaN : row.value / row.baseline;
}

export function broken(row: Row, quick: boolean): boolean {
  if (!row.budget) return false;
  if (quick && !row.budget.machineIndependent) return false;
  const subject = row.budgetOn === 'value' ? row.value : ratio(row);
  return subject > row.budget.max;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

export function printTable(rows: Row[], quick: boolean): string {
  const header = ['group', 'measure', 'value', 'baseline', 'ratio', 'budget', 'ok'];
  const lines = rows.map((r) => {
    const budget = r.budget ? `${r.budgetOn === 'value' ? '' : '×'}${r.budget.max}${r.budgetOn === 'value' ? ' ' + r.unit : ''}${r.budget.machineIndependent ? '' : quick ? ' (not enforced)' : ''}` : '—';
    return [r.group, r.name, `${fmt(r.value)} ${r.unit}`, `${fmt(r.baseline)} ${r.unit} (${r.baselineName})`, fmt(ratio(r)), budget, broken(r, quick) ? 'BROKEN' : 'ok'];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(line)].join('\n');
}
