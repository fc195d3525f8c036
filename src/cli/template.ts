/**
 * `gnlc template --out <file.xlsx> [--department <name>] [--city <name>] [--year <yyyy>]
 *  [--contact <text>] [--lang vi|en] [--no-trend-pairs] [--force]`: writes a new workbook holding
 * the data-return template (core/template.ts) with its validations, merges, frozen panes and filter.
 */
import { CriteriaSet } from '../core/criteria';
import { buildTemplate, indicatorsOf, listParties, validationCells } from '../core/template';
import { Lang } from '../i18n/format';
import { createWorkbook, writeTemplateSheet, writeWorkbookBuffer } from '../hosts/xlsx/write';
import { CliFailure, CliIO, EXIT, checkOutputFiles, loadCriteria, writeFileAtomic } from './files';
import { cliMessage } from './messages';

export interface TemplateArgs {
  /** Positionals after the command: there should be none. */
  files: string[];
  out?: string;
  departments: string[];
  city?: string;
  year?: string;
  contact?: string;
  trendPairs: boolean;
  force: boolean;
  criteria: string;
  lang: Lang;
}

/** The party a --department names (any spelling the criteria know), or a usage error listing the parties. */
export function resolveDepartment(criteria: CriteriaSet, name: string): string {
  const placed = indicatorsOf(criteria, name);
  const parties = listParties(criteria);
  if (!placed.length) throw new CliFailure(EXIT.usage, 'unknown-department', { department: name, parties: parties.map((p) => p.party).join('; ') });
  const id = placed[0]!.indicator.id;
  return parties.find((p) => p.indicators.includes(id))!.party;
}

function nonBlank(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!v) throw new CliFailure(EXIT.usage, 'empty-option', { option });
  return v;
}

export async function runTemplate(args: TemplateArgs, io: CliIO): Promise<number> {
  const { lang } = args;
  if (args.files.length) throw new CliFailure(EXIT.usage, 'template-no-input', { extra: args.files.join(' ') });
  if (args.departments.length > 1) throw new CliFailure(EXIT.usage, 'department-once');
  if (args.out === undefined) throw new CliFailure(EXIT.usage, 'needs-out', { command: 'template' });
  let year: number | undefined;
  if (args.year !== undefined) {
    if (!/^\s*\d{4}\s*$/.test(args.year)) throw new CliFailure(EXIT.usage, 'bad-year', { year: args.year });
    year = Number(args.year.trim());
  }
  const departmentName = nonBlank('department', args.departments[0]);
  const city = nonBlank('city', args.city);
  const contact = nonBlank('contact', args.contact);
  checkOutputFiles({ out: args.out }, args.force);

  const criteria = loadCriteria(args.criteria, lang);
  const department = departmentName !== undefined ? resolveDepartment(criteria, departmentName) : undefined;
  const template = buildTemplate(criteria, {
    lang,
    trendPairs: args.trendPairs,
    ...(department !== undefined ? { department } : {}),
    ...(city !== undefined ? { city } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(contact !== undefined ? { contact } : {}),
  });

  const now = (io.now ?? (() => new Date()))();
  const wb = createWorkbook({ creator: 'gnlc', date: now, title: String(template.rows[1]?.[0]?.value ?? template.name) });
  writeTemplateSheet(wb.addWorksheet(template.name), template);
  await writeFileAtomic(args.out, await writeWorkbookBuffer(wb), args);

  const cells = template.validations.reduce((n, v) => n + validationCells(v.address).length, 0);
  const lines = [
    department !== undefined
      ? cliMessage('template-for-department', lang, { department, indicators: template.indicators.length, ids: template.indicators.join(', ') })
      : cliMessage('template-for-city', lang, { indicators: template.indicators.length, parties: listParties(criteria).length }),
    cliMessage('wrote-template', lang, { path: args.out, sheet: template.name, indicators: template.indicators.length, cells }),
    cliMessage('template-next', lang),
  ];
  io.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}
