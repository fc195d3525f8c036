/**
 * A grid builder for the mapper's layout tests: a sheet written row by row as a department types
 * it (strings, numbers, error values, number formats), with merged areas given in A1 ("A1:B2").
 */
import { CellContent } from '../../src/core/read';
import { CellArea, SheetSnapshot, parseA1 } from '../../src/core/snapshot';

export type GridCell = string | number | null | CellContent;

/** An error value as hosts report it (Office.js valueTypes "Error", exceljs { error }). */
export function errorCell(text: string): CellContent {
  return { value: text, type: 'error', text };
}

/** A number shown with a number format (the format code as Excel keeps it, e.g. `0.0\%`). */
export function formatted(value: number, numberFormat: string, text?: string): CellContent {
  const c: CellContent = { value, type: 'number', numberFormat };
  if (text !== undefined) c.text = text;
  return c;
}

function areaOf(a1: string): CellArea {
  const [from, to = from] = a1.split(':');
  const a = parseA1(from!);
  const b = parseA1(to!);
  if (!a || !b) throw new Error(`not an area: ${a1}`);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/** A sheet starting at A1 (or `origin`), rows as given; merged areas in A1. */
export function gridSheet(rows: GridCell[][], options: { name?: string; merges?: string[] } = {}): SheetSnapshot {
  const cells = rows.map((row) =>
    row.map((c): CellContent | null => {
      if (c === null || c === undefined) return null;
      if (typeof c === 'object') return c;
      return typeof c === 'number' ? { value: c, type: 'number' } : { value: c, type: 'string' };
    }),
  );
  return { name: options.name ?? 'Phụ lục', origin: { row: 0, col: 0 }, cells, merges: (options.merges ?? []).map(areaOf) };
}
