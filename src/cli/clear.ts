/**
 * gnlc clear <scored.xlsx> --out <clean.xlsx>: the copy without what the product added. Every
 * sheet the state has colours for gets its cells' own formats back (the core's clearWorkbook: a
 * record restores a cell only while it still wears the colour the product applied; a cell the
 * person recoloured since is left as it is and listed), then the summary sheet and the state
 * sheet are removed (the state only when no coloured cell is left to restore). The input is only
 * read; the copy is the input's package patched (src/hosts/xlsx/patch.ts). The cell formats the
 * product appended to styles.xml stay: nothing uses them any more, and removing them would
 * renumber nothing else but would need every sheet read to prove them unused.
 */
import * as path from 'path';
import { WorkbookError, clearWorkbook } from '../core/workbook';
import { Lang } from '../i18n/format';
import { PlanError } from '../hosts/xlsx/plan-error';
import { CliFailure, CliIO, EXIT, checkOutputFiles, loadCriteria, openHost, readInput, readingInput, sameFile, writeFileAtomic } from './files';
import { cliMessage } from './messages';
import { terminalSafe } from './print';

export interface ClearArgs {
  files: string[];
  out?: string;
  criteria: string;
  force: boolean;
  lang: Lang;
}

export async function runClearCommand(args: ClearArgs, io: CliIO): Promise<number> {
  const { lang } = args;
  if (args.files.length === 0) throw new CliFailure(EXIT.usage, 'clear-missing-input');
  if (args.files.length > 1) throw new CliFailure(EXIT.usage, 'extra-args', { extra: args.files.slice(1).join(' ') });
  const input = args.files[0]!;
  if (args.out === undefined) throw new CliFailure(EXIT.usage, 'clear-missing-out');
  if (sameFile(args.out, input)) throw new CliFailure(EXIT.usage, 'out-is-input', { path: input });
  checkOutputFiles({ out: args.out }, args.force);
  const criteria = loadCriteria(args.criteria, lang);
  const bytes = readInput(input, lang);
  const host = await openHost(bytes, input, lang, { workbookName: path.basename(input) });
  const state = await readingInput(input, lang, () => host.readState());
  const sheets = Object.keys(state?.colours ?? {}).filter((s) => Object.keys(state!.colours[s]!).length > 0);
  const names = (await host.sheets()).map((s) => s.name);
  let restored = 0;
  const kept: string[] = [];
  for (const sheet of sheets) {
    if (!names.includes(sheet)) continue;
    try {
      const run = await readingInput(input, lang, () => clearWorkbook(host, criteria, { sheet }));
      restored += run.plan.restore.length;
      kept.push(...run.kept.map((a) => `${sheet}!${a}`));
    } catch (e) {
      if (e instanceof WorkbookError && e.code === 'SheetProtected') throw new CliFailure(EXIT.write, 'clear-protected', { sheet });
      if (e instanceof PlanError) throw new CliFailure(EXIT.write, 'not-owned-sheet', { reason: e.message });
      throw e;
    }
  }
  const removed = await host.removeProductSheets();
  await writeFileAtomic(args.out, await host.toBuffer(), args);
  if (kept.length) io.stderr.write('gnlc: ' + terminalSafe(cliMessage('clear-kept', lang, { count: kept.length, cells: kept.slice(0, 20).join(', ') })) + '\n');
  io.stdout.write(cliMessage('wrote-clean', lang, { path: args.out, cells: restored, sheets: removed.length ? removed.join(', ') : '—' }) + '\n');
  return EXIT.ok;
}
