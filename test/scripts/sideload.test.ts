/**
 * `npm start` where npm left the optional sideloading tool out (its keytar dependency could not
 * be built): one clear message saying what to do, exit 1, no stack trace. The script is run from
 * a copy outside the repository, where office-addin-debugging cannot be resolved whatever this
 * machine has installed.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const SCRIPT = path.resolve(__dirname, '../../scripts/sideload.mjs');

test('npm start without office-addin-debugging says what to do instead of failing with a stack', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnlc-sideload-'));
  try {
    const copy = path.join(dir, 'sideload.mjs');
    fs.copyFileSync(SCRIPT, copy);
    const run = spawnSync(process.execPath, [copy, 'start', 'manifest.xml'], { encoding: 'utf8', cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('office-addin-debugging');
    expect(run.stderr).toContain('npm ci');
    expect(run.stderr).toContain('npm run dev-server');
    expect(run.stderr).toContain('npm run preview');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('npm start where the tool is installed hands the action and the manifest to it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnlc-sideload-'));
  try {
    // A stand-in for the installed tool, resolved from the script's own node_modules.
    const tool = path.join(dir, 'node_modules', 'office-addin-debugging');
    fs.mkdirSync(tool, { recursive: true });
    fs.writeFileSync(path.join(tool, 'package.json'), JSON.stringify({ name: 'office-addin-debugging', version: '0.0.0' }));
    fs.writeFileSync(path.join(tool, 'cli.js'), 'console.log(JSON.stringify(process.argv.slice(2))); process.exit(7);');
    fs.mkdirSync(path.join(dir, 'scripts'));
    const copy = path.join(dir, 'scripts', 'sideload.mjs');
    fs.copyFileSync(SCRIPT, copy);
    const run = spawnSync(process.execPath, [copy, 'stop', 'manifest.xml'], { encoding: 'utf8', cwd: dir });
    expect(JSON.parse(run.stdout)).toEqual(['stop', 'manifest.xml']);
    expect(run.status).toBe(7);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
