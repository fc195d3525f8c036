/**
 * `npm run bench`: every budget of the product in one table, each figure against a baseline
 * measured in the same run. `--quick` (CI) runs fewer repetitions and enforces only the budgets
 * that do not depend on the machine's speed. Exits 1 when an enforced budget is broken (or an
 * enforced figure could not be measured), 2 when the bench itself fails.
 *
 *   npm run bench                      full run: every budget enforced
 *   npm run bench -- --quick           CI: fewer repetitions; timing budgets printed, not enforced
 *   npm run bench -- --only=office,core   some groups only (office, core, node, pane)
 *
 * See bench/README.md for what each row measures and why its budget is what it is.
 */
import { BenchOptions, Row, broken, cleanup, failedRow, printTable, progress } from './measure';

// Loaded when their turn comes: a module that does not load fails its group, not the whole table.
const GROUPS: Record<string, (o: BenchOptions) => Promise<Row[]>> = {
  office: async (o) => (await import('./office')).benchOffice(o),
  core: async (o) => {
    const core = await import('./core');
    return [...(await core.benchCore(o)), ...(await core.benchMapping(o))];
  },
  node: async (o) => (await import('./node')).benchNode(o),
  pane: async (o) => (await import('./pane')).benchPane(o),
};

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const options: BenchOptions = { quick: args.includes('--quick') || process.env.BENCH_QUICK === '1' };
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const unknown = only?.filter((g) => !GROUPS[g]) ?? [];
  if (unknown.length) {
    console.error(`unknown group(s): ${unknown.join(', ')} (known: ${Object.keys(GROUPS).join(', ')})`);
    return 2;
  }
  const started = Date.now();
  const rows: Row[] = [];
  try {
    for (const [name, bench] of Object.entries(GROUPS)) {
      if (only && !only.includes(name)) continue;
      const t0 = Date.now();
      progress(`${name}…`);
      try {
        rows.push(...(await bench(options)));
      } catch (e) {
        // Nothing of the group could be measured: its budgets cannot be shown to hold, in any mode.
        console.error(e);
        rows.push(failedRow({ group: name, name: 'the whole group', unit: '', baselineName: 'the group did not run', budget: { max: 0, machineIndependent: true } }, e));
      }
      progress(`${name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  } finally {
    cleanup();
  }
  console.log(printTable(rows, options.quick));
  console.log('');
  for (const r of rows) if (r.note || r.error) console.log(`  ${r.group} · ${r.name}: ${r.error !== undefined ? `NOT MEASURED: ${r.error}` : r.note}`);
  const mode = options.quick ? 'quick mode: budgets that depend on the machine\'s speed printed, not enforced' : 'full mode: every budget enforced';
  console.log(`\n${rows.length} rows in ${((Date.now() - started) / 1000).toFixed(0)} s (${mode}).`);
  const bad = rows.filter((r) => broken(r, options.quick));
  if (bad.length) {
    console.error(`\nBudget broken: ${bad.map((r) => `${r.group} · ${r.name}`).join('; ')}`);
    return 1;
  }
  console.log('All enforced budgets hold.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
