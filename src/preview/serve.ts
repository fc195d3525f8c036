/**
 * A tiny static file server for dist/ on 127.0.0.1 (the preview, and the browser tests).
 * No dependencies; GET and HEAD only; paths cannot leave the served folders.
 *
 * The preview itself (preview.html) needs no Office.js: it drives the fake Excel. The task pane
 * (taskpane.html, and taskpane.html?selfcheck) does: the preview server serves the REAL Office.js
 * from the @microsoft/office-js package under /office-js/ and, in the HTML pages it sends, points
 * Microsoft's CDN script at it, so that the pane opened from the preview needs no network. The
 * files in dist/ (what is deployed) keep the CDN, as AppSource requires.
 *
 *   tsx src/preview/serve.ts [port]     (npm run preview builds first, then runs this)
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Where the task pane loads Office.js from in production (src/taskpane/taskpane.html). */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where the preview server serves the @microsoft/office-js package's dist/ folder. */
export const OFFICE_JS_PREFIX = '/office-js/';
/** The @microsoft/office-js package's dist/ folder (office.js and the files it loads next to it). */
export const OFFICE_JS_DIST = path.resolve(__dirname, '..', '..', 'node_modules', '@microsoft', 'office-js', 'dist');

export interface ServeOptions {
  /** URL prefix ('/office-js/') → a folder served under it (nothing outside it). */
  mounts?: Record<string, string>;
  /** In the .html files served from the root, Microsoft's CDN Office.js → the local one (OFFICE_JS_PREFIX). */
  localOfficeJs?: boolean;
}

/**
 * The page with its Office.js script pointed at the local copy: `<script src=…office.js>` as the
 * source writes it (quoted) and as the production build writes it (minified: unquoted).
 */
export function localOfficeJs(html: string): string {
  return html.replace(CDN_SCRIPT, (_m, start: string, quote: string) => `${start}${quote}${OFFICE_JS_PREFIX}office.js${quote}`);
}
const CDN_SCRIPT = new RegExp(`(<script\\b[^>]*?\\bsrc\\s*=\\s*)(["']?)${OFFICE_JS_CDN.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\2(?=[\\s>])`, 'gi');

/** The preview server: dist/, and the real Office.js from the package for the task pane. */
export function servePreview(dist: string, port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  return serveStatic(dist, port, host, { mounts: { [OFFICE_JS_PREFIX]: OFFICE_JS_DIST }, localOfficeJs: true });
}

export function serveStatic(root: string, port = 0, host = '127.0.0.1', options: ServeOptions = {}): Promise<StaticServer> {
  const rootBase = path.resolve(root);
  const mounts = Object.entries(options.mounts ?? {}).map(([prefix, folder]) => ({ prefix, folder: path.resolve(folder) }));
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    // A NUL or another control character is no file name (fs throws on NUL): 400, never a crash.
    // eslint-disable-next-line no-control-regex -- control characters are what is matched
    if (/[\u0000-\u001F\u007F]/.test(pathname)) {
      res.writeHead(400).end();
      return;
    }
    const mount = mounts.find((m) => pathname.startsWith(m.prefix));
    const base = mount ? mount.folder : rootBase;
    if (mount) pathname = '/' + pathname.slice(mount.prefix.length);
    else if (pathname.endsWith('/')) pathname += 'preview.html';
    const file = path.resolve(base, '.' + pathname);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    const fail = (status: number) => {
      if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(status === 404 ? 'not found' : '');
      else res.destroy();
    };
    try {
      fs.stat(file, (err, st) => {
        if (err || !st.isFile()) {
          fail(404);
          return;
        }
        const headers = {
          'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        };
        if (options.localOfficeJs && !mount && path.extname(file).toLowerCase() === '.html') {
          fs.readFile(file, 'utf8', (readErr, html) => {
            if (readErr) return fail(500);
            const body = Buffer.from(localOfficeJs(html), 'utf8');
            res.writeHead(200, { ...headers, 'Content-Length': body.length });
            res.end(req.method === 'HEAD' ? undefined : body);
          });
          return;
        }
        res.writeHead(200, { ...headers, 'Content-Length': st.size });
        if (req.method === 'HEAD') res.end();
        else fs.createReadStream(file).on('error', () => fail(500)).pipe(res);
      });
    } catch {
      // Whatever a request holds, the server answers it and goes on.
      fail(400);
    }
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${actual}/`,
        port: actual,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..', 'dist');
  if (!fs.existsSync(path.join(root, 'preview.html'))) {
    console.error(`No build in ${root}: run "npm run build" first (or "npm run preview", which builds).`);
    process.exit(1);
  }
  const port = Number(process.argv[2] ?? process.env.PREVIEW_PORT ?? 8080);
  servePreview(root, port).then(
    (s) => {
      console.log(`Preview (no Excel needed): ${s.url}preview.html`);
      console.log(`The task pane with the real Office.js (it asks to be opened in Excel): ${s.url}taskpane.html`);
      console.log('Press Ctrl+C to stop.');
    },
    (e: NodeJS.ErrnoException) => {
      console.error(e.code === 'EADDRINUSE' ? `Port ${port} is in use: run "npx tsx src/preview/serve.ts <port>"` : e.message);
      process.exit(1);
    },
  );
}
