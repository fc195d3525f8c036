/**
 * A criteria file is validated once per process while its bytes stay the same (loadCriteria keeps
 * it by path): a run after a change, even one that keeps the file's size and time stamp, sees the
 * change; an invalid file is never kept.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadCriteria } from '../../src/cli/files';
import { CRITERIA, SAMPLE, gnlc, scratch } from './helpers';

describe('criteria read once per process', () => {
  test('the same bytes give the same criteria object; other bytes are validated again', async () => {
    const dir = scratch();
    const file = path.join(dir, 'tieu-chi.json');
    const text = fs.readFileSync(CRITERIA, 'utf8');
    fs.writeFileSync(file, text);
    const first = loadCriteria(file);
    expect(loadCriteria(file)).toBe(first);
    expect(loadCriteria(path.join(dir, '.', 'tieu-chi.json'))).toBe(first);

    // Same size, same modification time, one title changed: read again.
    const { mtime } = fs.statSync(file);
    const changed = text.replace('"title": "', '"title": "X').replace(/ {2}"version"/, ' "version"');
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(text));
    fs.writeFileSync(file, changed);
    fs.utimesSync(file, mtime, mtime);
    const second = loadCriteria(file);
    expect(second).not.toBe(first);
    expect(second.title).toBe('X' + first.title);

    // Broken, then back: the failure is reported every time, and nothing invalid is kept.
    fs.writeFileSync(file, text.slice(0, 100));
    expect(() => loadCriteria(file)).toThrow();
    expect(() => loadCriteria(file)).toThrow();
    fs.writeFileSync(file, text);
    expect(loadCriteria(file)).toEqual(first);
  });

  test('through the command line: a criteria file made invalid between two runs fails the second', async () => {
    const dir = scratch();
    const file = path.join(dir, 'tieu-chi.json');
    fs.copyFileSync(CRITERIA, file);
    const ok = await gnlc('score', SAMPLE, '--criteria', file);
    expect(ok.code).toBe(0);
    expect((await gnlc('score', SAMPLE, '--criteria', file)).stdout).toBe(ok.stdout);
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    data.areas[0].standards[0].criteria[0].indicators[0].id = '1.1.1';
    fs.writeFileSync(file, JSON.stringify(data, null, 2));
    const bad = await gnlc('score', SAMPLE, '--criteria', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/indicators\[0\]\.id/);
    fs.rmSync(file);
    expect((await gnlc('score', SAMPLE, '--criteria', file)).code).toBe(2);
  });
});
