/**
 * `gnlc score` called in-process through its `main()`, against exceljs's own read + write of the
 * same file, in turns, in a process that does nothing else:
 *   node --import tsx bench/child/score-in-process.ts <dist/cli> <in.xlsx> <scratch dir> <reps> <warm-up> <result.json>
 * writes {"product": ms, "baseline": ms}, the medians of the runs after the warm-up.
 *
 * A process of its own, so that both start alike: in the bench's own process the core group had
 * already run the product's core (V8 had optimised it), and exceljs had run in other rows. Each
 * is loaded here, run `warm-up` times, then `reps` times in turns; nothing else runs between them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CliModule, runMain, timedInTurns } from '../measure';

async function run(): Promise<void> {
  const [cliDir, input, scratch, reps, warmup, result] = process.argv.slice(2);
  if (!cliDir || !input || !scratch || !result) throw new Error('usage: score-in-process.ts <dist/cli> <in.xlsx> <scratch dir> <reps> <warm-up> <result.json>');
  const cli = require(path.resolve(cliDir, 'cli', 'main.js')) as CliModule;
  const { roundTrip } = require('./exceljs-roundtrip.js') as { roundTrip(files: string[], outDir: string): Promise<void> };
  const argv = ['score', input, '--out', path.join(scratch, `scored-${path.basename(input)}`), '--force'];
  const exceljsOut = path.join(scratch, 'exceljs');
  fs.mkdirSync(exceljsOut, { recursive: true });
  const t = await timedInTurns({ product: () => runMain(cli, argv), baseline: () => roundTrip([input], exceljsOut) }, Number(reps), Number(warmup));
  fs.writeFileSync(result, JSON.stringify(t));
}

run().catch((e) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
  process.exitCode = 1;
});
