/**
 * The manifest as office-addin-manifest reads it (Microsoft's own reader, the one the Office
 * add-in CLI tools use): what Excel and the store will see of the add-in; and `npm run validate`
 * saying which validation it used, falling back quickly when the online service is out of reach.
 *
 * The reader runs in a Node child process (scripts/validate-manifest.mjs --info): the package
 * needs uuid's ES module build, which jest's CommonJS runtime cannot load; and its main entry
 * cannot load in this install (@microsoft/app-manifest requires fs-extra without declaring it), so the script
 * loads its XML manifest handler directly.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { API_SET, API_VERSIONS } from '../../src/hosts/office/requirements';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'validate-manifest.mjs');
const MANIFEST = path.join(ROOT, 'manifest.xml');

function script(args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout, ms: Date.now() - started };
}

test('an Excel task pane add-in that reads and writes the workbook, in Vietnamese by default', async () => {
  const r = script(['--info', MANIFEST]);
  expect(r.status).toBe(0);
  const info = JSON.parse(r.stdout) as { officeAppType: string; hosts: string[]; permissions: string; defaultLocale: string; id: string; version: string; defaultSettings?: { sourceLocation?: string }; iconUrl: string; highResolutionIconUrl: string; supportUrl: string };
  expect(info.officeAppType).toBe('TaskPaneApp');
  expect(info.hosts).toEqual(['Workbook']);
  expect(info.permissions).toBe('ReadWriteDocument');
  expect(info.defaultLocale).toBe('vi-VN');
  expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(info.defaultSettings?.sourceLocation).toMatch(/^https:\/\/[^/]+\/taskpane\.html$/);
  for (const url of [info.iconUrl, info.highResolutionIconUrl, info.supportUrl]) expect(url).toMatch(/^https:\/\//);
});

test('the minimum API set it declares is the one the Office host checks', () => {
  const xml = fs.readFileSync(MANIFEST, 'utf8');
  const m = /<Set\s+Name="([^"]+)"\s+MinVersion="([^"]+)"/.exec(xml);
  expect(m?.[1]).toBe(API_SET);
  expect(Object.values(API_VERSIONS)).toContain(m?.[2]);
});

test('npm run validate says which validation it used, and falls back to the offline checks within seconds', () => {
  const r = script([MANIFEST], { GNLC_VALIDATE_TIMEOUT_MS: '3000' });
  expect(r.status).toBe(0);
  expect(r.out).toMatch(/valid \((Microsoft's online validation service|offline: .*online validation not used: .+)\)/);
  expect(r.ms).toBeLessThan(15_000);
  const off = script([MANIFEST], { GNLC_VALIDATE_OFFLINE: '1' });
  expect(off.out).toContain('online validation not used: GNLC_VALIDATE_OFFLINE=1');
});

test('when the online validator cannot load, the fallback says why: which package asked for which module, and whether it declares it', () => {
  // A module-not-found error as Node reports it, from a package that does (not) declare the module.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gnlc-nm-'));
  const pkg = (name: string, deps: Record<string, string>) => {
    const at = path.join(dir, 'node_modules', ...name.split('/'));
    fs.mkdirSync(path.join(at, 'build'), { recursive: true });
    fs.writeFileSync(path.join(at, 'package.json'), JSON.stringify({ name, dependencies: deps }));
    fs.writeFileSync(path.join(at, 'build', 'index.js'), "require('fs-extra');");
    return path.join(at, 'build', 'index.js');
  };
  const undeclared = pkg('@microsoft/app-manifest', { ajv: '^8' });
  const declared = pkg('declares-it', { 'fs-extra': '^11' });
  const probe = `
    import { whyNotLoadable } from ${JSON.stringify(SCRIPT)};
    import { createRequire } from 'node:module';
    const require = createRequire(import.meta.url);
    const out = [];
    for (const f of ${JSON.stringify([undeclared, declared])}) { try { require(f); } catch (e) { out.push(whyNotLoadable(e)); } }
    out.push(whyNotLoadable(new Error('boom')));
    console.log(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8', timeout: 60_000, cwd: dir });
  fs.rmSync(dir, { recursive: true, force: true });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual([
    'office-addin-manifest cannot load: @microsoft/app-manifest requires "fs-extra" without declaring it as a dependency, so npm did not install it (a packaging fault upstream, not a fault of the manifest)',
    'office-addin-manifest cannot load: declares-it requires "fs-extra", which is not installed',
    "office-addin-manifest's validator cannot load (boom)",
  ]);
});
