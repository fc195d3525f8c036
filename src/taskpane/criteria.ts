/**
 * The criteria set bundled with the add-in, trusted as built: it is not validated with zod while
 * the pane opens (building the schemas and validating 57 indicators cost the pane about as much as
 * rendering itself, before "Chấm điểm" could work). The tests validate this very file with the
 * core's schema and check that what this module gives is exactly what the schema gives
 * (test/taskpane/bundled-criteria.test.ts), so a broken file, or a schema default not filled here,
 * fails the tests instead of reaching a person. zod stays for what comes from the workbook.
 */
import data from '../../criteria/gnlc-vn-2019.json';
import type { CriteriaSet, CriteriaSetInput } from '../core/criteria';

let cached: CriteriaSet | null = null;

/** A criteria set that validates, with the schema's defaults filled in (as parsing would). */
export function withDefaults(set: CriteriaSetInput): CriteriaSet {
  return {
    ...set,
    partyAliases: set.partyAliases ?? {},
    areas: set.areas.map((area) => ({
      ...area,
      standards: area.standards.map((standard) => ({
        ...standard,
        criteria: standard.criteria.map((criterion) => ({
          ...criterion,
          indicators: criterion.indicators.map((indicator) => ({
            ...indicator,
            checks: indicator.checks ?? [],
            fields: indicator.fields.map((field) => ({ ...field, unit: field.unit ?? '', optional: field.optional ?? false })),
          })),
        })),
      })),
    })),
  };
}

/** The bundled criteria; throws only if the shipped file is not even shaped like a criteria set. */
export function bundledCriteria(): CriteriaSet {
  return (cached ??= withDefaults(data as unknown as CriteriaSetInput));
}
