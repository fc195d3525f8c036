/** Running `gnlc` on hostile input: in this process, or in a child with bounded memory and time; and checking the input is untouched. */
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';

export const ROOT = path.join(__dirname, '..', '..');
export const BUNDLED_CRITERIA = path.join(ROOT, 'criteria', 'gnlc-vn-2019.json');
const CHILD = path.join(__dirname, 'cli-child.ts');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Child runs only: peak resident memory, MB. */
  maxRssMB?: number;
  /** Child runs only: killed by the time limit. */
  timedOut?: boolean;
}

export function scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gnlc-hostile-'));
}

/** `gnlc …` in this process. */
export async function gnlc(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const started = Date.now();
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr, ms: Date.now() - started };
}

/** `gnlc …` in a child process with a 512 MB heap and a time limit (ms). */
export function gnlcChild(args: string[], timeoutMs: number, heapMB = 512): Run {
  const started = Date.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMB}`, '--require', require.resolve('tsx/cjs'), CHILD, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, GNLC_REPORT_USAGE: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  let stderr = r.stderr ?? '';
  let maxRssMB: number | undefined;
  const usage = /^usage: (\{.*\})\n/m.exec(stderr);
  if (usage) {
    maxRssMB = (JSON.parse(usage[1]!) as { maxRssMB: number }).maxRssMB;
    stderr = stderr.replace(usage[0], '');
  }
  const out: Run = { code: r.status, stdout: r.stdout ?? '', stderr, ms: Date.now() - started, timedOut: r.signal === 'SIGTERM' };
  if (maxRssMB !== undefined) out.maxRssMB = maxRssMB;
  return out;
}

export interface FileSeal {
  file: string;
  sha256: string;
  size: number;
  mtimeMs: number;
}

/** The bytes' hash, size and modification time of a file (a sparse or huge file is hashed as a stream of its first 64 MB). */
export function seal(file: string): FileSeal {
  const st = fs.statSync(file);
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1024 * 1024);
    let read = 0;
    let n: number;
    while (read < 64 * 1024 * 1024 && (n = fs.readSync(fd, buf, 0, buf.length, read)) > 0) {
      hash.update(buf.subarray(0, n));
      read += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { file, sha256: hash.digest('hex'), size: st.size, mtimeMs: st.mtimeMs };
}

/** A failure's message: exactly one line on stderr, "gnlc: …", no stack trace, nothing on stdout. */
export function expectOneLineFailure(r: Run, code: number, mentions: RegExp): void {
  expect({ code: r.code, timedOut: !!r.timedOut }).toEqual({ code, timedOut: false });
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^gnlc: /);
  expect(lines[0]).toMatch(mentions);
  expect(lines[0]).not.toMatch(/\bat .*\(.*:\d+:\d+\)|node_modules/);
  expect(r.stdout).toBe('');
}
