/** Test helpers: load the bundled criteria, build entries from typed values. */
import * as fs from 'fs';
import * as path from 'path';
import { CriteriaSet, Indicator, listIndicators, parseCriteriaText } from '../../src/core/criteria';
import { CellContent, readField } from '../../src/core/read';
import { IndicatorEntry } from '../../src/core/score';

export const CRITERIA_PATH = path.join(__dirname, '..', '..', 'criteria', 'gnlc-vn-2019.json');

export function loadCriteria(file = CRITERIA_PATH): CriteriaSet {
  const load = parseCriteriaText(fs.readFileSync(file, 'utf8'));
  if (!load.ok) throw new Error(load.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return load.criteria;
}

export function indicatorById(criteria: CriteriaSet, id: string): Indicator {
  const found = listIndicators(criteria).find((p) => p.indicator.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found.indicator;
}

export type Typed = CellContent['value'] | CellContent;

/** An entry as the mapper would give it: each given field read from a cell in column E, rows from 10. */
export function entryFrom(indicator: Indicator, typed: Record<string, Typed>): IndicatorEntry {
  const fields: IndicatorEntry['fields'] = {};
  indicator.fields.forEach((field, i) => {
    const address = `E${10 + i}`;
    const v = Object.prototype.hasOwnProperty.call(typed, field.key) ? typed[field.key] : null;
    const content: CellContent = v !== null && typeof v === 'object' ? v : { value: v };
    fields[field.key] = { reading: readField(content, { ...field }, address), cells: [address], raw: content.value ?? null };
  });
  return { id: indicator.id, mapped: true, fields };
}
