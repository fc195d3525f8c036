/**
 * The preview server (src/preview/serve.ts): dist/ and, for the task pane, the REAL Office.js from
 * the @microsoft/office-js package under /office-js/ — the pages it sends point Microsoft's CDN
 * script there; the files on disk (what is deployed) keep the CDN. Malformed paths get 400, and
 * nothing outside dist/ and the package's dist/ folder is ever served.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { OFFICE_JS_CDN, OFFICE_JS_DIST, StaticServer, servePreview } from '../../src/preview/serve';

const TASKPANE = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'taskpane', 'taskpane.html'), 'utf8');

let dist: string;
let server: StaticServer;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'gnlc-dist-'));
  fs.writeFileSync(path.join(dist, 'preview.html'), '<p>preview</p>');
  fs.writeFileSync(path.join(dist, 'taskpane.html'), TASKPANE);
  // As the production build (html-webpack-plugin, minified) writes it: attributes unquoted.
  fs.writeFileSync(path.join(dist, 'built.html'), `<!doctype html><script src=${OFFICE_JS_CDN}></script><script defer src=taskpane.js></script>`);
  fs.writeFileSync(path.join(path.dirname(dist), 'gnlc-secret.txt'), 'secret');
  server = await servePreview(dist);
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(dist, { recursive: true, force: true });
  fs.rmSync(path.join(path.dirname(dist), 'gnlc-secret.txt'), { force: true });
});

function get(p: string, method = 'GET'): Promise<{ status: number; type: string | undefined; length: string | undefined; body: string }> {
  const u = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: p, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], length: res.headers['content-length'], body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

test('the task pane page loads the local Office.js; the deployed file keeps the CDN', async () => {
  expect(TASKPANE).toContain(`src="${OFFICE_JS_CDN}"`);
  const page = await get('/taskpane.html');
  expect(page.status).toBe(200);
  expect(page.body).toContain('<script src="/office-js/office.js"></script>');
  expect(page.body).not.toContain(`src="${OFFICE_JS_CDN}"`);
  expect(Number(page.length)).toBe(Buffer.byteLength(page.body));
  expect(fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8')).toBe(TASKPANE);
  expect((await get('/built.html')).body).toBe('<!doctype html><script src=/office-js/office.js></script><script defer src=taskpane.js></script>');
  const head = await get('/taskpane.html', 'HEAD');
  expect([head.status, head.length, head.body]).toEqual([200, page.length, '']);
});

test('/office-js/ serves the package files, byte for byte, as JavaScript', async () => {
  const office = await get('/office-js/office.js');
  expect(office.status).toBe(200);
  expect(office.type).toBe('text/javascript; charset=utf-8');
  expect(office.body).toBe(fs.readFileSync(path.join(OFFICE_JS_DIST, 'office.js'), 'utf8'));
  // What office.js loads next to itself for Excel on the web.
  expect((await get('/office-js/excel-web-16.00.js')).status).toBe(200);
  expect((await get('/office-js/no-such-file.js')).status).toBe(404);
});

test('malformed paths get 400; nothing outside dist/ and the package folder is served', async () => {
  for (const p of ['/%E0%A4%A', '/office-js/%E0%A4%A', '/office-js/office.js%00', '/%00']) expect([p, (await get(p)).status]).toEqual([p, 400]);
  const outside = [
    '/office-js/..%2f..%2fpackage.json',
    '/office-js/%2e%2e/%2e%2e/package.json',
    '/office-js/..%2F..%2F..%2F..%2Fpackage.json',
    '/..%2fgnlc-secret.txt',
    '/office-js/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
  ];
  for (const p of outside) {
    const r = await get(p);
    expect([p, r.status]).toEqual([p, expect.any(Number)]);
    expect([p, r.status === 403 || r.status === 404]).toEqual([p, true]);
    expect(r.body).not.toContain('secret');
    expect(r.body).not.toContain('"name"');
  }
  expect((await get('/')).body).toBe('<p>preview</p>');
});
