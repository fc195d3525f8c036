/**
 * A tiny static file server for dist/ on 127.0.0.1 (the preview, and the browser tests).
 * No dependencies; GET and HEAD only; paths cannot leave the served folder.
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

export function serveStatic(root: string, port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  const base = path.resolve(root);
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
    if (pathname.endsWith('/')) pathname += 'preview.html';
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
        res.writeHead(200, {
          'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': st.size,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        });
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
  serveStatic(root, port).then(
    (s) => {
      console.log(`Preview (no Excel needed): ${s.url}preview.html`);
      console.log('Press Ctrl+C to stop.');
    },
    (e: NodeJS.ErrnoException) => {
      console.error(e.code === 'EADDRINUSE' ? `Port ${port} is in use: run "npx tsx src/preview/serve.ts <port>"` : e.message);
      process.exit(1);
    },
  );
}
