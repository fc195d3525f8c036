/**
 * Which sheets are the product's own: the state sheet (very hidden, column A) and the summary
 * sheet. Decided here once; each host reads A1 (and whether the sheet is empty) and asks.
 * The product writes over its own sheets only, and never deletes or renames a sheet.
 */
import { STATE_MARKER, STATE_SHEET, SUMMARY_MARKER } from './plan';
import { safeSheetName } from './snapshot';

/** A sheet's name is the state sheet's (Excel compares sheet names without case). */
export function isStateSheetName(name: string): boolean {
  return name.toLowerCase() === STATE_SHEET.toLowerCase();
}

/**
 * Is a sheet named like the state sheet the product's? Its A1 holds the state marker, or it holds
 * nothing at all: a person's sheet whose A1 happens to be empty is theirs (writing the state would
 * take its column A and hide it).
 */
export function ownsStateSheet(a1: unknown, empty: boolean): boolean {
  return a1 === STATE_MARKER || empty;
}

/** The sheet a summary sheet summarises, from its B1 (null: not recorded, a summary of an earlier version). */
export function summarySource(b1: unknown): string | null {
  return typeof b1 === 'string' && b1.trim() !== '' ? b1 : null;
}

/**
 * Where a run's summary goes: each scored source has its own summary sheet, so scoring one sheet
 * never overwrites the summary of another (or a consolidation's). The summary already written for
 * this source; else a summary of unknown source when it is the only one (written by an earlier
 * version, for the one sheet it scored); else a new sheet: the default name when no summary is
 * there yet ("Tổng hợp GNLC", or "Tổng hợp GNLC (2)" beside a person's sheet of that name), else
 * the default name and the source's ("Tổng hợp GNLC – Năm 2024").
 */
export function summaryTarget(
  source: string,
  read: { summarySheets: readonly string[]; summarySources?: Readonly<Record<string, string>>; sheetNames: readonly string[] },
  defaultName: string,
): { name: string; existing: boolean } {
  const sources = read.summarySources ?? {};
  const own = read.summarySheets.find((n) => sources[n] === source);
  if (own !== undefined) return { name: own, existing: true };
  const unknown = read.summarySheets.filter((n) => sources[n] === undefined);
  if (unknown.length === 1 && read.summarySheets.length === 1) return { name: unknown[0]!, existing: true };
  if (!read.summarySheets.length) return { name: safeSheetName(defaultName, read.sheetNames), existing: false };
  return { name: safeSheetName(`${defaultName} – ${source}`, read.sheetNames), existing: false };
}

/** Is a sheet whose A1 holds this the product's summary sheet? */
export function isSummaryMarker(a1: unknown): boolean {
  return a1 === SUMMARY_MARKER;
}
