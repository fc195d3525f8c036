/**
 * The layers of DESIGN.md are enforced by the linter (eslint.config.mjs, no-restricted-imports):
 * each forbidden import below, placed in a file of the layer it is forbidden in, is reported, and
 * each allowed one is not. If a boundary's configuration is lost or mistyped, this fails.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const LINT = path.join(__dirname, 'lint-texts.mjs');

interface Case {
  /** Where the text is linted as if it were (the file need not exist). */
  file: string;
  /** The import line. */
  line: string;
}

const forbidden: Case[] = [
  // src/core imports only itself, zod and src/i18n.
  { file: 'src/core/boundary-probe.ts', line: "import { OfficeHost } from '../hosts/office';" },
  { file: 'src/core/boundary-probe.ts', line: "import type { OfficeHost } from '../hosts/office/host';" },
  { file: 'src/core/boundary-probe.ts', line: "export { OfficeHost } from '../hosts/office';" },
  { file: 'src/core/boundary-probe.ts', line: "import { readWorkbook } from '../hosts/xlsx/read';" },
  { file: 'src/core/boundary-probe.ts', line: "import { App } from '../taskpane/App';" },
  { file: 'src/core/boundary-probe.ts', line: "import { main } from '../cli/main';" },
  { file: 'src/core/boundary-probe.ts', line: "import { createFakeExcel } from '../testing/fake-excel';" },
  { file: 'src/core/boundary-probe.ts', line: "import { snapshotToWorkbook } from '../../test/fixtures/xlsx';" },
  { file: 'src/core/boundary-probe.ts', line: "import ExcelJS from 'exceljs';" },
  { file: 'src/core/boundary-probe.ts', line: "import { readFileSync } from 'node:fs';" },
  { file: 'src/core/boundary-probe.ts', line: "import * as React from 'react';" },
  { file: 'src/core/mapping/boundary-probe.ts', line: "import { OfficeHost } from '../../hosts/office';" },
  { file: 'src/core/mapping/boundary-probe.ts', line: "import { buildAppendix } from '../../testing/appendix';" },
  { file: 'src/core/mapping/boundary-probe.ts', line: "import { snapshotToWorkbook } from '../../../test/fixtures/xlsx';" },
  // src/hosts never imports a front end, nor src/testing, nor test/.
  { file: 'src/hosts/office/boundary-probe.ts', line: "import { PaneBackend } from '../../taskpane/backend';" },
  { file: 'src/hosts/office/boundary-probe.ts', line: "import { score } from '../../commands/commands';" },
  { file: 'src/hosts/xlsx/boundary-probe.ts', line: "import { main } from '../../cli/main';" },
  { file: 'src/hosts/xlsx/boundary-probe.ts', line: "import { sampleWorkbook } from '../../preview/sample';" },
  { file: 'src/hosts/office/boundary-probe.ts', line: "import { createFakeExcel } from '../../testing/fake-excel';" },
  { file: 'src/hosts/office/boundary-probe.ts', line: "import type { FakeExcel } from '../../testing/fake-excel';" },
  { file: 'src/hosts/xlsx/boundary-probe.ts', line: "import { snapshotToWorkbook } from '../../../test/fixtures/xlsx';" },
  // Nothing in src/ imports test/.
  { file: 'src/preview/boundary-probe.ts', line: "import { buildAppendix } from '../../test/fixtures/appendix';" },
  { file: 'src/taskpane/components/boundary-probe.tsx', line: "import { renderPane } from '../../../test/taskpane/support';" },
  { file: 'src/testing/fake-excel/boundary-probe.ts', line: "import { snapshotToWorkbook } from '../../../test/fixtures/xlsx';" },
  { file: 'src/cli/boundary-probe.ts', line: "import { IDS } from '../../test/cli/helpers';" },
  { file: 'src/i18n/boundary-probe.ts', line: "import { IDS } from '../../test/cli/helpers';" },
];

const allowed: Case[] = [
  { file: 'src/core/boundary-probe.ts', line: "import { toA1 } from './snapshot';" },
  { file: 'src/core/boundary-probe.ts', line: "import { formatNumber } from '../i18n/format';" },
  { file: 'src/core/boundary-probe.ts', line: "import { z } from 'zod';" },
  { file: 'src/core/mapping/boundary-probe.ts', line: "import { toA1 } from '../snapshot';" },
  { file: 'src/core/mapping/boundary-probe.ts', line: "import { toA1 } from './grid';" },
  { file: 'src/core/mapping/boundary-probe.ts', line: "import { formatNumber } from '../../i18n/format';" },
  { file: 'src/hosts/office/boundary-probe.ts', line: "import { toA1 } from '../../core/snapshot';" },
  { file: 'src/hosts/office/boundary-probe.ts', line: "import { message } from '../../i18n/messages';" },
  { file: 'src/hosts/office/boundary-probe.ts', line: "import { chunkAddressList } from './addresses';" },
  { file: 'src/hosts/xlsx/boundary-probe.ts', line: "import ExcelJS from 'exceljs';" },
  { file: 'src/preview/boundary-probe.ts', line: "import { createFakeExcel } from '../testing/fake-excel';" },
  { file: 'src/preview/boundary-probe.ts', line: "import { OfficeHost } from '../hosts/office';" },
  { file: 'src/taskpane/components/boundary-probe.tsx', line: "import { toA1 } from '../../core/snapshot';" },
  { file: 'src/testing/boundary-probe.ts', line: "import { toA1 } from '../core/snapshot';" },
  { file: 'src/cli/boundary-probe.ts', line: "import { readWorkbook } from '../hosts/xlsx/read';" },
];

interface Linted {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; message: string }>;
}

/** Each case as a file of its own: the import, then a use of the name so nothing else is reported. */
function lint(cases: Case[]): Linted[] {
  const texts = cases.map((c) => {
    const name = /(?:import|export)\s+(?:type\s+)?(?:\{\s*(\w+)|\*\s+as\s+(\w+)|(\w+))/.exec(c.line);
    const used = name?.[1] ?? name?.[2] ?? name?.[3];
    const use = c.line.startsWith('export') ? '' : `\nexport const probe: unknown = ${c.line.startsWith('import type') ? `null as unknown as ${used}` : used};`;
    return { filePath: c.file, code: `${c.line}${use}\n` };
  });
  const r = spawnSync(process.execPath, [LINT], { cwd: ROOT, input: JSON.stringify(texts), encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`lint-texts.mjs failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Linted[];
}

const restricted = (l: Linted) => l.messages.filter((m) => m.ruleId === 'no-restricted-imports');

describe('the layers are enforced by the linter', () => {
  let results: { forbidden: Linted[]; allowed: Linted[] };
  beforeAll(() => {
    const all = lint([...forbidden, ...allowed]);
    results = { forbidden: all.slice(0, forbidden.length), allowed: all.slice(forbidden.length) };
  }, 120_000);

  test.each(forbidden.map((c, i) => [c.file, c.line, i] as const))('%s: %s is reported', (_file, _line, i) => {
    const lines = restricted(results.forbidden[i]!).map((m) => m.line);
    expect([...new Set(lines)]).toEqual([1]); // one or more reasons, all on the import
  });

  test.each(allowed.map((c, i) => [c.file, c.line, i] as const))('%s: %s is allowed', (_file, _line, i) => {
    const l = results.allowed[i]!;
    expect(l.messages.filter((m) => m.ruleId === null)).toEqual([]); // no parse error hides a report
    expect(restricted(l)).toEqual([]);
  });

  test('a forbidden import is reported with the reason', () => {
    const [core] = results.forbidden;
    expect(restricted(core!)[0]!.message).toMatch(/src\/core imports only itself, zod and src\/i18n/);
  });
});
