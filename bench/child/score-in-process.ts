/**
 * `gnlc score` called in-process through its `main()`, against exceljs's own read + write of the
 * same file, in turns, in a process that does nothing else:
 *   node --import tsx bench/child/score-in-process.ts <dist/cli> <in.xlsx> <scratch dir> <windows> <result.json>
 * `windows`: consecutive runs to take medians of, e.g. "5,25,25" (runs 1–5, 6–30, 31–55).
 * Writes {"windows": [{"product": ms, "baseline": ms}, …]}, one per window.
 *
 * A process of its own, so that both start alike: in the bench's own process the core group had
 * already run the product's core (V8 had optimised it), and exceljs had run in other rows. Each
 * is loaded here and run in turns from its first run on; nothing else runs between them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CliModule, runMain, timedWindows } from '../measure';

async function run(): Promise<void> {
  const [cliDir, input, scratch, windows, result] = process.argv.slice(2);
  if (!cliDir || !input || !scratch || !windows || !result) throw new Error('usage: score-in-process.ts <dist/cli> <in.xlsx> <scratch dir> <windows> <result.json>');
  const sizes = windows.split(',').map(Number);
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`windows: counts of runs, such as 5,25,25 (got ${windows})`);
  const cli = require(path.resolve(cliDir, 'cli', 'main.js')) as CliModule;
  const { roundTrip } = require('./exceljs-roundtrip.js') as { roundTrip(files: string[], outDir: string): Promise<void> };
  const argv = ['score', input, '--out', path.join(scratch, `scored-${path.basename(input)}`), '--force'];
  const exceljsOut = path.join(scratch, 'exceljs');
  fs.mkdirSync(exceljsOut, { recursive: true });
  const t = await timedWindows({ product: () => runMain(cli, argv), baseline: () => roundTrip([input], exceljsOut) }, sizes);
  fs.writeFileSync(result, JSON.stringify({ windows: t }));
}

run().catch((e) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
  process.exitCode = 1;
});
