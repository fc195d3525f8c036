#!/usr/bin/env node
// `npm start` / `npm stop`: sideload the add-in into desktop Excel with office-addin-debugging.
// That tool is an optional dependency: its sign-in helper (keytar) needs a native build, which
// fails on machines without libsecret's headers, and npm then leaves the tool out instead of
// failing the whole install. Where it is missing, say so and what to do, instead of a stack.
//
//   node scripts/sideload.mjs start|stop [manifest.xml]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const [action = 'start', manifest = 'manifest.xml', ...rest] = process.argv.slice(2);

/** The CLI of office-addin-debugging, or null when npm left it out. */
export function findTool(resolve = require.resolve) {
  try {
    return resolve('office-addin-debugging/cli.js');
  } catch {
    return null;
  }
}

export const MISSING = [
  'npm start: công cụ nạp add-in vào Excel (office-addin-debugging) chưa được cài trên máy này.',
  'npm start: the sideloading tool (office-addin-debugging) is not installed on this machine.',
  '',
  'It is optional: npm leaves it out where its keytar dependency cannot be installed.',
  'To sideload into desktop Excel, give keytar what it needs, then run `npm ci` again:',
  '  Windows or Mac: internet access (keytar downloads a prebuilt binary);',
  '  Linux: build headers (Debian/Ubuntu: apt-get install libsecret-1-dev pkg-config).',
  '',
  'Without it you can still:',
  '  npm run dev-server   then upload manifest.xml in Excel on the web (Home › Add-ins › Upload my add-in)',
  '  npm run preview      the task pane in a browser, on a sample workbook, without Excel',
].join('\n');

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const tool = findTool();
  if (!tool) {
    console.error(MISSING);
    process.exit(1);
  }
  const run = spawnSync(process.execPath, [tool, action, manifest, ...rest], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
