/**
 * The manifest a deployment ships: `ADDIN_PUBLIC_URL=https://addin.example.org/gnlc/ npm run build`
 * writes dist/manifest.xml through webpack.config.js's copy transform. Every URL (the AppDomain
 * included) must move to the public address, the result must still validate against the XSDs,
 * and SupportUrl / LearnMoreUrl must name the help page the build ships, not the task pane.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteManifest } = require('../../scripts/manifest-url') as { rewriteManifest: (xml: string, url: string) => string };
const PUBLIC = 'https://addin.example.org/gnlc/';

interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer) => string | Buffer;
}

/** The manifest as webpack.config.js writes it for a production build with ADDIN_PUBLIC_URL set. */
async function builtManifest(publicUrl: string | undefined): Promise<string> {
  const saved = process.env.ADDIN_PUBLIC_URL;
  if (publicUrl === undefined) delete process.env.ADDIN_PUBLIC_URL;
  else process.env.ADDIN_PUBLIC_URL = publicUrl;
  try {
    const file = path.join(ROOT, 'webpack.config.js');
    jest.resetModules();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const configure = require(file) as (env: object, argv: { mode: string }) => Promise<{ plugins: Array<{ patterns?: CopyPattern[] }> }>;
    const config = await configure({}, { mode: 'production' });
    const pattern = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === 'manifest.xml')!;
    return String(pattern.transform!(Buffer.from(xml)));
  } finally {
    if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = saved;
  }
}

/** `npm run validate` (scripts/validate-manifest.mjs: the XSDs, offline) on a manifest text. */
function validate(text: string): { status: number | null; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-prod-'));
  try {
    const file = path.join(dir, 'manifest.xml');
    fs.writeFileSync(file, text);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'validate-manifest.mjs'), file], { encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('a production build with ADDIN_PUBLIC_URL names no localhost, AppDomain included, and validates', async () => {
  const built = await builtManifest(PUBLIC);
  expect(built).not.toMatch(/localhost/i);
  expect(built).toContain('<AppDomain>https://addin.example.org</AppDomain>');
  expect(built).toContain('<SourceLocation DefaultValue="https://addin.example.org/gnlc/taskpane.html"/>');
  expect(built).toContain('DefaultValue="https://addin.example.org/gnlc/commands.html"');
  const result = validate(built);
  expect(result.out).toContain('valid');
  expect(result.status).toBe(0);
});

test('a production build without ADDIN_PUBLIC_URL keeps the dev-server manifest as it is', async () => {
  expect(await builtManifest(undefined)).toBe(xml);
});

test('SupportUrl and LearnMoreUrl name the help page the build ships, not the task pane', async () => {
  expect(xml).toContain('<SupportUrl DefaultValue="https://localhost:3000/help.html"/>');
  expect(xml).toContain('<bt:Url id="Gnlc.GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/help.html"/>');
  expect(await builtManifest(PUBLIC)).toContain('<SupportUrl DefaultValue="https://addin.example.org/gnlc/help.html"/>');
  const webpackConfig = fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');
  expect(webpackConfig).toContain("{ from: 'src/help/help.html', to: 'help.html' }");
});

test('the help page: Vietnamese first, English second, the four statuses, fixing a mapping, reporting a problem', () => {
  const help = fs.readFileSync(path.join(ROOT, 'src', 'help', 'help.html'), 'utf8');
  const vi = help.indexOf('<section id="vi" lang="vi">');
  const en = help.indexOf('<section id="en" lang="en">');
  expect(vi).toBeGreaterThan(0);
  expect(en).toBeGreaterThan(vi);
  const [viText, enText] = [help.slice(vi, en), help.slice(en)];
  for (const word of ['Đạt', 'Chưa đạt', 'Không hợp lệ', 'Chưa có số liệu', 'Sửa ô', 'Gán ô đang chọn', 'Báo lỗi']) expect(viText).toContain(word);
  for (const word of ['Met', 'Not met', 'Invalid', 'No data', 'Fix cells', 'Assign selected cells', 'Reporting a problem']) expect(enText).toContain(word);
  expect(help).not.toMatch(/<script|https?:\/\//i); // static: no script, no request elsewhere
});

test.each([
  ['plain http', 'http://addin.example.org/gnlc/', /https/],
  ['no trailing slash', 'https://addin.example.org/gnlc', /ending in "\/"/],
  ['not a URL', 'addin.example.org', /not a URL/],
])('ADDIN_PUBLIC_URL that is %s stops the build with a message', (_name, url, message) => {
  expect(() => rewriteManifest(xml, url)).toThrow(message);
});
