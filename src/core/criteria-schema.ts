/**
 * The criteria model's schema: areas › standards › criteria › indicators › fields, with targets.
 * The zod schema is the single source of truth; the types are inferred from it.
 *
 * The schemas are built on first use (`criteriaSchemas()`), not when this module loads: building
 * them costs the task pane tens of milliseconds at startup, and the pane never validates a
 * criteria file while it opens (its bundled set is checked by the tests, see src/taskpane/criteria.ts).
 *
 * Written with zod's functional API (`zod/mini`): the same schemas, checks and messages as its
 * method-chaining API, whose module makes all of its classes as it loads (≈ 5 ms of the pane's
 * startup, and ≈ 65 KB more of minified JavaScript: bench/README.md, "pane").
 */
import * as z from 'zod/mini';

export const VALUE_KINDS = ['percent', 'count', 'number', 'change', 'trend', 'rating'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];
const DIRECTIONS = ['higher', 'lower', 'within', 'exact', 'increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];

function buildSchemas() {
  const valueKindSchema = z.enum(VALUE_KINDS);

  const text = z.string().check(z.minLength(1), z.maxLength(2000));
  const code = z.string().check(z.regex(/^\d+(\.\d+)*$/, 'expected a dotted code such as 1.2.3'));
  const key = z.string().check(z.regex(/^[a-z][a-z0-9_]*$/, 'expected a lowercase key such as total or near_poor'), z.maxLength(64));
  const finite = z.number().check(z.refine(Number.isFinite, 'expected a finite number'));

  const fieldSchema = z.strictObject({
    key,
    /** The label as printed in the appendix ("Nam", "Hộ cận nghèo", "%"). */
    label: text,
    labelEn: z.optional(text),
    /** Unit as printed ("%", "Trẻ", "người"); empty when the appendix prints none. */
    unit: z._default(z.string().check(z.maxLength(40)), ''),
    kind: valueKindSchema,
    /** Upper bound for a percent field (100 unless stated, e.g. GDP per head vs national). */
    max: z.optional(finite),
    /** A group of fields printed under one sub-heading ("Số trẻ em 6 tuổi vào lớp 1"). */
    group: z.optional(z.string().check(z.maxLength(400))),
    groupEn: z.optional(z.string().check(z.maxLength(400))),
    /** An optional field is not required for scoring (left blank, it is not "missing"). */
    optional: z._default(z.boolean(), false),
  });

  const comparison = z.strictObject({
    /** The fields the condition reads; several are added up (poor + near-poor). */
    fields: z.array(key).check(z.minLength(1), z.maxLength(20)),
    op: z.enum(['>=', '>', '<=', '<', '=']),
    bound: finite,
    direction: z.enum(DIRECTIONS),
  });
  const between = z.strictObject({
    fields: z.array(key).check(z.minLength(1), z.maxLength(20)),
    op: z.literal('between'),
    min: finite,
    max: finite,
    direction: z.literal('within'),
  });
  const trendIs = z.strictObject({
    fields: z.array(key).check(z.length(1)),
    op: z.literal('is'),
    value: z.enum(['increase', 'decrease']),
    direction: z.enum(['increase', 'decrease']),
  });
  const conditionSchema = z.discriminatedUnion('op', [
    z.extend(comparison, { op: z.literal('>=') }),
    z.extend(comparison, { op: z.literal('>') }),
    z.extend(comparison, { op: z.literal('<=') }),
    z.extend(comparison, { op: z.literal('<') }),
    z.extend(comparison, { op: z.literal('=') }),
    between,
    trendIs,
  ]);

  const targetSchema = z.strictObject({
    /** Every condition must hold for the indicator to be met. */
    all: z.array(conditionSchema).check(z.minLength(1), z.maxLength(20)),
    /** Printed form of the target, e.g. "≥ 95%". */
    text: text,
    textEn: z.optional(text),
    /** Where the target comes from when the appendix does not state it (a default, a legal reading). */
    source: z.optional(z.string().check(z.maxLength(2000))),
  });

  /** Cross-field checks: fields that contradict each other make the indicator invalid. */
  const checkSchema = z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('sum'), parts: z.array(key).check(z.minLength(2), z.maxLength(20)), total: key }),
    z.strictObject({ type: z.literal('between'), value: key, bounds: z.tuple([key, key]) }),
  ]);

  const indicatorSchema = z.strictObject({
    id: z.string().check(z.regex(/^\d+(\.\d+)*\.[a-z]$/, 'expected an indicator id such as 1.1.1.a')),
    /** The indicator's text as printed in the appendix. */
    text: text,
    textEn: text,
    short: z.optional(z.string().check(z.maxLength(200))),
    shortEn: z.optional(z.string().check(z.maxLength(200))),
    responsible: text,
    fields: z.array(fieldSchema).check(z.minLength(1), z.maxLength(40)),
    target: targetSchema,
    checks: z._default(z.array(checkSchema).check(z.maxLength(20)), []),
  });

  const criterionSchema = z.strictObject({
    code,
    title: text,
    titleEn: text,
    indicators: z.array(indicatorSchema).check(z.minLength(1), z.maxLength(100)),
  });

  const standardSchema = z.strictObject({
    code,
    title: text,
    titleEn: text,
    criteria: z.array(criterionSchema).check(z.minLength(1), z.maxLength(100)),
  });

  const areaSchema = z.strictObject({
    code,
    title: text,
    titleEn: text,
    standards: z.array(standardSchema).check(z.minLength(1), z.maxLength(100)),
  });

  const criteriaSetSchema = z
    .strictObject({
      id: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)),
      version: z.string().check(z.minLength(1), z.maxLength(40)),
      title: text,
      titleEn: text,
      source: z.optional(z.string().check(z.maxLength(4000))),
      /** Other names for responsible parties: alias → the name used in this file. */
      partyAliases: z._default(z.record(z.string().check(z.maxLength(400)), z.string().check(z.maxLength(400))), {}),
      areas: z.array(areaSchema).check(z.minLength(1), z.maxLength(50)),
    })
    .check(
      z.superRefine((set, ctx) => {
        const seen = new Set<string>();
        set.areas.forEach((area, ai) =>
          area.standards.forEach((standard, si) => {
            if (!standard.code.startsWith(area.code + '.')) {
              ctx.addIssue({ code: 'custom', path: ['areas', ai, 'standards', si, 'code'], message: `standard ${standard.code} is not under area ${area.code}` });
            }
            standard.criteria.forEach((criterion, ci) => {
              if (!criterion.code.startsWith(standard.code + '.')) {
                ctx.addIssue({ code: 'custom', path: ['areas', ai, 'standards', si, 'criteria', ci, 'code'], message: `criterion ${criterion.code} is not under standard ${standard.code}` });
              }
              criterion.indicators.forEach((indicator, ii) => {
                const path = ['areas', ai, 'standards', si, 'criteria', ci, 'indicators', ii];
                if (!indicator.id.startsWith(criterion.code + '.')) {
                  ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `indicator ${indicator.id} is not under criterion ${criterion.code}` });
                }
                if (seen.has(indicator.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate indicator id ${indicator.id}` });
                seen.add(indicator.id);
                const keys = new Set<string>();
                indicator.fields.forEach((field, fi) => {
                  if (keys.has(field.key)) ctx.addIssue({ code: 'custom', path: [...path, 'fields', fi, 'key'], message: `duplicate field key ${field.key}` });
                  keys.add(field.key);
                });
                const known = (k: string, p: (string | number)[]) => {
                  if (!keys.has(k)) ctx.addIssue({ code: 'custom', path: [...path, ...p], message: `unknown field ${k}` });
                };
                indicator.target.all.forEach((cond, ki) => cond.fields.forEach((f, fi) => known(f, ['target', 'all', ki, 'fields', fi])));
                indicator.checks.forEach((check, ki) => {
                  if (check.type === 'sum') [...check.parts, check.total].forEach((f) => known(f, ['checks', ki]));
                  else [check.value, ...check.bounds].forEach((f) => known(f, ['checks', ki]));
                });
              });
            });
          }),
        );
      }),
    );
  return { valueKindSchema, fieldSchema, conditionSchema, targetSchema, checkSchema, indicatorSchema, criterionSchema, standardSchema, areaSchema, criteriaSetSchema };
}

type Schemas = ReturnType<typeof buildSchemas>;
let built: Schemas | null = null;

/** The criteria schemas, built on first use. */
export function criteriaSchemas(): Schemas {
  return (built ??= buildSchemas());
}

export type Field = z.infer<Schemas['fieldSchema']>;
export type Condition = z.infer<Schemas['conditionSchema']>;
export type Target = z.infer<Schemas['targetSchema']>;
export type Check = z.infer<Schemas['checkSchema']>;
export type Indicator = z.infer<Schemas['indicatorSchema']>;
export type Criterion = z.infer<Schemas['criterionSchema']>;
export type Standard = z.infer<Schemas['standardSchema']>;
export type Area = z.infer<Schemas['areaSchema']>;
export type CriteriaSet = z.infer<Schemas['criteriaSetSchema']>;
export type CriteriaSetInput = z.input<Schemas['criteriaSetSchema']>;
