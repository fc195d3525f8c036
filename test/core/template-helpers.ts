/** Test helpers for generated sheets: a SheetContent as the snapshot a host would read back, filled by code. */
import { CriteriaSet, listIndicators } from '../../src/core/criteria';
import { CellContent } from '../../src/core/read';
import { sampleValues } from '../../src/testing/appendix';
import { SheetContent } from '../../src/core/plan';
import { CellArea, SheetSnapshot, parseA1 } from '../../src/core/snapshot';
import { TemplateSheet, TemplateValidation, validationCells } from '../../src/core/template';

/** What a host would read from a written SheetContent: values and number formats, merges. */
export function toSnapshot(content: SheetContent & { merges?: CellArea[] }, name = content.name): SheetSnapshot {
  const width = Math.max(0, ...content.rows.map((r) => r.length));
  const cells: Array<Array<CellContent | null>> = content.rows.map((row) => {
    const out: Array<CellContent | null> = [];
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      if (!cell || cell.value === null || cell.value === '') out.push(null);
      else out.push(cell.numberFormat ? { value: cell.value, numberFormat: cell.numberFormat } : { value: cell.value });
    }
    return out;
  });
  return { name, origin: { row: 0, col: 0 }, cells, merges: (content.merges ?? []).map((m) => ({ ...m })) };
}

/** Types a value into a cell of a snapshot, as a person would (keeping the cell's number format). */
export function typeInto(sheet: SheetSnapshot, address: string, value: CellContent['value'] | CellContent): void {
  const at = parseA1(address);
  if (!at) throw new Error(`not an address: ${address}`);
  const r = at.row - sheet.origin.row;
  const c = at.col - sheet.origin.col;
  while (sheet.cells.length <= r) sheet.cells.push([]);
  const row = sheet.cells[r]!;
  while (row.length <= c) row.push(null);
  const old = row[c];
  const content: CellContent = value !== null && typeof value === 'object' ? value : { value };
  row[c] = old?.numberFormat && content.numberFormat === undefined ? { ...content, numberFormat: old.numberFormat } : content;
}

/** A filled template: `values` is id → field key → what is typed into its value cell. */
export function fillTemplate(template: TemplateSheet, values: Record<string, Record<string, CellContent['value'] | CellContent>>, name?: string): SheetSnapshot {
  const sheet = toSnapshot(template, name);
  for (const [id, fields] of Object.entries(values)) {
    for (const [key, value] of Object.entries(fields)) {
      const address = template.valueCells[id]?.[key];
      if (!address) throw new Error(`no value cell for ${id} ${key}`);
      typeInto(sheet, address, value);
    }
  }
  return sheet;
}

/** The validation rule covering a cell. */
export function validationAt(template: TemplateSheet, address: string): TemplateValidation | undefined {
  return template.validations.find((v) => validationCells(v.address).includes(address));
}

/** The text in a cell of a SheetContent (A1), or null. */
export function cellValue(content: SheetContent, address: string): string | number | null {
  const at = parseA1(address)!;
  return content.rows[at.row]?.[at.col]?.value ?? null;
}

/** Every indicator of a set filled with a value that meets its target, typed as a department would in a template (ratings from the list). */
export function metTemplateValues(criteria: CriteriaSet): Record<string, Record<string, CellContent['value'] | CellContent>> {
  const values = sampleValues(criteria) as Record<string, Record<string, CellContent['value'] | CellContent>>;
  for (const { indicator } of listIndicators(criteria))
    for (const f of indicator.fields) if (f.kind === 'rating') values[indicator.id]![f.key] = '4 - Rất tốt';
  return values;
}
