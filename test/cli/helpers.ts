/** Helpers for the command-line tests: a scratch folder, the sample, an in-process run. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compareIds, listIndicators } from '../../src/core/criteria';
import { main } from '../../src/cli/main';
import { loadCriteria } from '../core/helpers';

export { loadCriteria };

export const ROOT = path.join(__dirname, '..', '..');
export const SAMPLE = path.join(ROOT, 'examples', 'phu-luc-thanh-pho-mau.xlsx');
export const CRITERIA = path.join(ROOT, 'criteria', 'gnlc-vn-2019.json');

/** The compiled CLI `node bin/gnlc.js` runs. */
export const BIN = path.join(ROOT, 'bin', 'gnlc.js');
const BUILT = path.join(ROOT, 'dist', 'cli', 'cli', 'main.js');

/** The newest modification time of the sources tsconfig.cli.json compiles. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of ['core', 'i18n', 'hosts/xlsx', 'cli']) walk(path.join(ROOT, 'src', d));
  return newest;
}

/** Builds dist/cli when it is missing or older than the sources (what `npm run build:cli` does). */
export function buildCli(): void {
  if (!fs.existsSync(BUILT) || fs.statSync(BUILT).mtimeMs < newestSource()) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'pipe' });
  }
}

export function scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gnlc-cli-'));
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `gnlc <args>` in this process, capturing what it prints. */
export async function gnlc(...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

/** The lines of a text, without the empty one after the final newline. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l, i, all) => !(l === '' && i === all.length - 1));
}

/** Every indicator id of the bundled criteria, in id order (the order of a report). */
export const IDS = listIndicators(loadCriteria())
  .map((p) => p.indicator.id)
  .sort(compareIds);

/** One line on stderr, starting "gnlc: ", nothing on stdout, and the exit code. */
export function expectOneLineError(r: CliResult, code: number, text: RegExp): void {
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code, stdout: '' });
  expect(lines(r.stderr)).toHaveLength(1);
  expect(r.stderr).toMatch(/^gnlc: /);
  expect(r.stderr).toMatch(text);
}
