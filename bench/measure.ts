/** Timing, child processes, the cache folder and the results table shared by every benchmark. */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

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
  /** The figure could not be measured (why). Counts as broken wherever its budget is enforced. */
  error?: string;
}

export const ROOT = path.resolve(__dirname, '..');

/** Build outputs the bench keeps between runs (a compiled CLI, webpack's cache and bundles). */
export const CACHE = path.join(ROOT, 'node_modules', '.cache', 'gnlc-bench');

/** A fresh scratch folder for this run, removed by `cleanup()`. */
let scratch: string | null = null;
export function scratchDir(sub = ''): string {
  if (!scratch) scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gnlc-bench-'));
  const dir = path.join(scratch, sub);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
export function cleanup(): void {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  scratch = null;
}

/** Progress on stderr, so that stdout holds the table alone. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
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
  return median(times);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Median of each of several measurements taken in turns (a, b, a, b, … with the order swapped
 * every round), so that a machine that slows down or speeds up mid-run weighs on all of them
 * alike. `fns` return their own figure (e.g. a time measured inside a browser page).
 */
export async function interleaved<K extends string>(fns: Record<K, () => Promise<number>>, reps: number, warmup = 1): Promise<Record<K, number>> {
  const keys = Object.keys(fns) as K[];
  for (let i = 0; i < warmup; i++) for (const k of keys) await fns[k]();
  const samples = await inTurns(fns, reps);
  return Object.fromEntries(keys.map((k) => [k, median(samples[k])])) as Record<K, number>;
}

/** Each function's figures over `rounds` rounds in turns, the order swapped every round. */
async function inTurns<K extends string>(fns: Record<K, () => Promise<number>>, rounds: number): Promise<Record<K, number[]>> {
  const keys = Object.keys(fns) as K[];
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 ? [...keys].reverse() : keys;
    for (const k of order) samples[k].push(await fns[k]());
  }
  return samples;
}

/** Wall time of an async function, in milliseconds. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export interface ChildRun {
  ms: number;
  /** Peak resident set size of the child, in MB (process.resourceUsage().maxRSS, read at its exit). */
  peakMB: number;
  code: number | null;
  stderr: string;
}

const RSS_REPORTER = path.join(__dirname, 'child', 'rss.js');

/**
 * Runs `node <args>` as a child process and reports its wall time (spawn to exit) and its peak
 * RSS. The peak is written by bench/child/rss.js (loaded with --require) when the child exits.
 */
export function runNode(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<ChildRun> {
  const out = path.join(scratchDir('rss'), `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', RSS_REPORTER, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env, GNLC_BENCH_RSS_OUT: out },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      let peakMB = NaN;
      try {
        peakMB = (JSON.parse(fs.readFileSync(out, 'utf8')) as { maxRSS: number }).maxRSS / 1024;
        fs.rmSync(out, { force: true });
      } catch {
        // the child died before its exit handler ran
      }
      resolve({ ms, peakMB, code, stderr });
    });
  });
}

/** Bytes once gzipped (zlib's default level, as a web server would send them). */
export function gzipSize(data: Buffer): number {
  return zlib.gzipSync(data).length;
}

export function ratio(row: Row): number {
  return row.baseline === 0 ? NaN : row.value / row.baseline;
}

/** Is the row's budget enforced in this mode? */
export function enforced(row: Row, quick: boolean): boolean {
  return !!row.budget && (!quick || row.budget.machineIndependent);
}

/** The figure is past its budget, enforced or not. */
function over(row: Row): boolean {
  if (!row.budget || row.error !== undefined) return false;
  const subject = row.budgetOn === 'value' ? row.value : ratio(row);
  return !(subject <= row.budget.max);
}

export function broken(row: Row, quick: boolean): boolean {
  if (!enforced(row, quick)) return false;
  return row.error !== undefined || over(row);
}

const fmt = (n: number) => (!Number.isFinite(n) ? '—' : Number.isInteger(n) ? n.toLocaleString('en') : Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en') : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

export function printTable(rows: Row[], quick: boolean): string {
  const header = ['group', 'measure', 'value', 'baseline', 'ratio', 'budget', 'ok'];
  const lines = rows.map((r) => {
    const budget = r.budget ? `${r.budgetOn === 'value' ? '≤ ' : '≤ ×'}${r.budget.max}${r.budgetOn === 'value' ? ' ' + r.unit : ''}${enforced(r, quick) ? '' : ' (not enforced)'}` : '—';
    // A timing past its budget in quick mode is shown as such ("over"), without failing the run.
    const ok = r.error !== undefined ? (broken(r, quick) ? 'FAILED' : 'not measured') : broken(r, quick) ? 'BROKEN' : over(r) ? 'over' : r.budget ? 'ok' : '';
    const value = r.error !== undefined ? '—' : `${fmt(r.value)} ${r.unit}`;
    const baseline = r.error !== undefined ? `(${r.baselineName})` : `${fmt(r.baseline)} ${r.unit} (${r.baselineName})`;
    return [r.group, r.name, value, baseline, r.error !== undefined ? '—' : fmt(ratio(r)), budget, ok];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(line)].join('\n');
}

/** A row that could not be measured: printed with the reason, broken where its budget is enforced. */
export function failedRow(row: Omit<Row, 'value' | 'baseline' | 'error'>, e: unknown): Row {
  const message = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim().slice(0, 400);
  return { ...row, value: NaN, baseline: NaN, error: message };
}

/** A command line's `main()` (dist/cli/cli/main.js), called in-process by runMain (which throws on a failed run). */
export interface CliModule {
  main(argv: string[], io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } }): Promise<number>;
}

function captureIO() {
  let out = '';
  let err = '';
  return { io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } }, out: () => out, err: () => err };
}

export async function runMain(cli: CliModule, argv: string[]): Promise<void> {
  const c = captureIO();
  const code = await cli.main(argv, c.io);
  if (code !== 0) throw new Error(`gnlc ${argv[0]} exited ${code}: ${c.err().trim().slice(0, 300)}`);
}

/**
 * Wall times taken in turns from the first run on (a, b, b, a, … as interleaved takes them), and
 * their medians in consecutive windows of runs: `windows` [5, 25, 25] gives the medians of runs
 * 1–5, 6–30 and 31–55 of each function.
 */
export async function timedWindows<K extends string>(fns: Record<K, () => Promise<unknown>>, windows: readonly number[]): Promise<Array<Record<K, number>>> {
  const keys = Object.keys(fns) as K[];
  const samples = await inTurns(timedEach(fns), windows.reduce((a, b) => a + b, 0));
  let from = 0;
  return windows.map((n) => {
    const window = Object.fromEntries(keys.map((k) => [k, median(samples[k].slice(from, from + n))])) as Record<K, number>;
    from += n;
    return window;
  });
}

/** Medians of wall times, taken in turns (see interleaved). */
export function timedInTurns<K extends string>(fns: Record<K, () => Promise<unknown>>, reps: number, warmup: number): Promise<Record<K, number>> {
  return interleaved(timedEach(fns), reps, warmup);
}

/** Each function made to give its own wall time. */
function timedEach<K extends string>(fns: Record<K, () => Promise<unknown>>): Record<K, () => Promise<number>> {
  return Object.fromEntries(Object.entries(fns).map(([k, fn]) => [k, () => timed(fn as () => Promise<unknown>)])) as Record<K, () => Promise<number>>;
}
