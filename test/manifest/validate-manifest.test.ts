/**
 * The add-in manifest: valid against the vendored Office XSDs (offline, xmllint-wasm), and
 * `npm run validate` (scripts/validate-manifest.mjs) rejects broken manifests with a non-zero
 * exit. Also what the manifest must say: Excel only, ReadWriteDocument, the API set the Office
 * host needs, the two Home-tab buttons, icons that exist at the sizes named.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { API_SET, API_VERSIONS } from '../../src/hosts/office/requirements';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'validate-manifest.mjs');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const xml = fs.readFileSync(MANIFEST, 'utf8');

function validate(file: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [SCRIPT, file], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function variant(name: string, edit: (s: string) => string): string {
  const changed = edit(xml);
  expect(changed).not.toBe(xml);
  const file = path.join(dir, name);
  fs.writeFileSync(file, changed);
  return file;
}

test('manifest.xml is valid', () => {
  const r = validate(MANIFEST);
  expect(r.out).toContain('valid');
  expect(r.status).toBe(0);
});

test.each([
  ['a bad Id', (s: string) => s.replace(/<Id>[^<]+<\/Id>/, '<Id>not-a-guid</Id>'), /Id.*pattern/],
  ['an unknown attribute', (s: string) => s.replace('<Group id="Gnlc.Group">', '<Group id="Gnlc.Group" colour="green">'), /attribute 'colour' is not allowed/],
  ['an unknown element', (s: string) => s.replace('<Permissions>', '<Colour>green</Colour><Permissions>'), /Colour.*not expected/],
  ['a wrong permission', (s: string) => s.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>'), /Permissions/],
  ['a resid that names no resource', (s: string) => s.replace('resid="Gnlc.ScoreButton.Label"/>', 'resid="Gnlc.Nothing"/>'), /resid "Gnlc.Nothing" names no resource/],
  ['a plain-http URL', (s: string) => s.replace('DefaultValue="https://localhost:3000/commands.html"', 'DefaultValue="http://localhost:3000/commands.html"'), /must be https/],
  ['an icon that does not exist', (s: string) => s.replace('assets/icon-80.png"/>', 'assets/icon-99.png"/>'), /icon-99.png: no such file/],
  ['text that is not XML', () => '<OfficeApp><Id>', /error/i],
])('rejects %s', (_name, edit, message) => {
  const r = validate(variant(`${_name.replace(/\W+/g, '-')}.xml`, edit));
  expect(r.status).toBe(1);
  expect(r.out).toContain('INVALID');
  expect(r.out).toMatch(message);
});

test('a missing file is a usage error (exit 2)', () => {
  expect(validate(path.join(dir, 'nothing.xml')).status).toBe(2);
});

describe('what the manifest says', () => {
  test('Excel only, least privilege, the API set the Office host needs', () => {
    expect(xml.match(/<Host Name="([^"]+)"\/>/g)).toEqual(['<Host Name="Workbook"/>']);
    expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
    const sets = [...xml.matchAll(/<(?:bt:)?Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]);
    expect(sets).toEqual([
      [API_SET, API_VERSIONS.minimum],
      [API_SET, API_VERSIONS.minimum],
    ]);
    expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/Id>/);
  });

  test('a group on the Home tab with "Chấm điểm" (scoreFromRibbon) and "Mở bảng" (the task pane)', () => {
    const group = /<OfficeTab id="TabHome">([\s\S]*?)<\/OfficeTab>/.exec(xml)![1]!;
    const controls = [...group.matchAll(/<Control xsi:type="Button" id="([^"]+)">([\s\S]*?)<\/Control>/g)];
    expect(controls.map((c) => c[1])).toEqual(['Gnlc.ScoreButton', 'Gnlc.TaskpaneButton']);
    expect(controls[0]![2]).toContain('<Action xsi:type="ExecuteFunction">');
    expect(controls[0]![2]).toContain('<FunctionName>scoreFromRibbon</FunctionName>');
    expect(controls[1]![2]).toContain('<Action xsi:type="ShowTaskpane">');
    const label = (id: string) => new RegExp(`<bt:String id="${id.replace(/\./g, '\\.')}" DefaultValue="([^"]+)"`).exec(xml)![1];
    expect(label('Gnlc.ScoreButton.Label')).toBe('Chấm điểm');
    expect(label('Gnlc.TaskpaneButton.Label')).toBe('Mở bảng');
    expect(xml).toContain('<bt:Url id="Gnlc.Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>');
    expect(xml).toContain('<bt:Url id="Gnlc.Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>');
  });

  test('icons are PNGs of the sizes they are declared as', () => {
    for (const size of [16, 32, 64, 80]) {
      const png = fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    // The committed icons are what scripts/make-icons.mjs draws.
    const out = path.join(dir, 'icons');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'make-icons.mjs'), out], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const size of [16, 32, 64, 80]) expect(fs.readFileSync(path.join(out, `icon-${size}.png`)).equals(fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`)))).toBe(true);
    for (const m of xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)) {
      const url = new RegExp(`<bt:Image id="${m[2]!.replace(/\./g, '\\.')}" DefaultValue="([^"]+)"`).exec(xml)![1]!;
      expect(url).toBe(`https://localhost:3000/assets/icon-${m[1]}.png`);
    }
  });
});
