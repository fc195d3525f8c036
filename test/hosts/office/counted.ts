/**
 * The core's actions (scoreWorkbook / clearWorkbook, what every front end calls) through an
 * OfficeHost, with what each cost: the host's syncs by kind and write calls over the action.
 */
import { CriteriaSet } from '../../../src/core/criteria';
import { ClearRun, WorkbookRun, clearWorkbook, scoreWorkbook } from '../../../src/core/workbook';
import { Lang } from '../../../src/i18n/format';
import { OfficeHost, OfficeHostStats } from '../../../src/hosts/office';
import { loadCriteria } from '../../core/helpers';

export type Counts = OfficeHostStats;

function delta(before: OfficeHostStats, after: OfficeHostStats): Counts {
  const out = { ...after };
  for (const k of Object.keys(out) as Array<keyof OfficeHostStats>) out[k] = after[k] - before[k];
  return out;
}

/** "Chấm điểm" through the core, and its cost. */
export async function scoreCounted(
  host: OfficeHost,
  criteria: CriteriaSet,
  lang: Lang,
  options: { sheet?: string; summary?: boolean; colour?: boolean } = {},
): Promise<WorkbookRun & { counts: Counts }> {
  const before = { ...host.stats };
  const result = await scoreWorkbook(host, criteria, { lang, ...options });
  return { ...result, counts: delta(before, host.stats) };
}

let bundled: CriteriaSet | null = null;

/** "Xóa màu" through the core (the bundled criteria choose the sheet), and its cost. */
export async function clearCounted(host: OfficeHost, options: { sheet?: string } = {}): Promise<ClearRun & { counts: Counts }> {
  const before = { ...host.stats };
  const result = await clearWorkbook(host, (bundled ??= loadCriteria()), options);
  return { ...result, counts: delta(before, host.stats) };
}
