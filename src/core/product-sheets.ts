/**
 * Which sheets are the product's own: the state sheet (very hidden, column A) and the summary
 * sheet. Decided here once; each host reads A1 (and whether the sheet is empty) and asks.
 * The product writes over its own sheets only, and never deletes or renames a sheet.
 */
import { STATE_MARKER, STATE_SHEET, SUMMARY_MARKER } from './plan';

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

/** Is a sheet whose A1 holds this the product's summary sheet? */
export function isSummaryMarker(a1: unknown): boolean {
  return a1 === SUMMARY_MARKER;
}
