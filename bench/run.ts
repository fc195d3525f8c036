/**
 * `npm run bench`: every budget of the product in one table, each figure against a baseline
 * measured in the same run. `--quick` (CI) runs fewer repetitions and enforces only the budgets
 * that do not depend on the machine's speed. Exits 1 when an enforced budget is broken.
 */
import { benchCore } from './core';
import { BenchOptions, Row, broken, printTable } from './measure';

async function main(): Promise<number> {
  const options: BenchOptions = { quick: process.argv.includes('--quick') || process.env.BENCH_QUICK === '1' };
  const rows: Row[] = [];
  rows.push(...(await benchCore(options)));
  console.log(printTable(rows, options.quick));
  for (const r of rows) if (r.note) console.log(`  ${r.group} · ${r.name}: ${r.note}`);
  const bad = rows.filter((r) => broken(r, options.quick));
  if (bad.length) {
    console.error(`\nBudget broken: ${bad.map((r) => `${r.group} · ${r.name}`).join('; ')}`);
    return 1;
  }
  console.log(`\nAll enforced budgets hold${options.quick ? ' (quick mode: timing budgets printed, not enforced)' : ''}.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
