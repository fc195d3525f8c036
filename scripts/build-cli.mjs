#!/usr/bin/env node
// `npm run build:cli` (and `prepare`): compiles the command line into dist/cli from scratch.
// dist/cli is emptied first: a module that moved (core/mapping.ts became core/mapping/index.ts)
// would otherwise leave its old compiled file behind, and Node would load that one instead.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist', 'cli'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'inherit' });
