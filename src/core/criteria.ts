/**
 * The criteria model: its schema (criteria-schema.ts), validating a criteria file against it, and
 * walking a set (criteria-model.ts), under one name.
 */
import * as z from 'zod/mini';
import { CriteriaSet, criteriaSchemas } from './criteria-schema';

export * from './criteria-schema';

/** One problem with a criteria file: where (a path such as `areas[0].standards[3].code`) and what. */
export interface CriteriaProblem {
  path: string;
  message: string;
}

export type CriteriaLoad = { ok: true; criteria: CriteriaSet } | { ok: false; problems: CriteriaProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += (out ? '.' : '') + String(part);
  }
  return out || '(root)';
}

/**
 * zod's English messages ("Too small: expected string to have >=1 characters"), asked for on each
 * parse: `zod/mini` registers no language of its own, and the problems a criteria file's author
 * reads must not depend on whether some other module has loaded zod's classic API first.
 */
let englishMessages: z.core.$ZodErrorMap | undefined;

const MAX_DEPTH = 64;
function depthOf(value: unknown, limit: number): number {
  // Iterative, so a hostile, deeply nested file cannot overflow the stack.
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    if (v && typeof v === 'object') for (const child of Object.values(v as object)) stack.push([child, d + 1]);
  }
  return max;
}

/** Validates parsed JSON as a criteria set. Never throws. */
export function parseCriteria(data: unknown): CriteriaLoad {
  if (depthOf(data, MAX_DEPTH) > MAX_DEPTH) return { ok: false, problems: [{ path: '(root)', message: `nested deeper than ${MAX_DEPTH} levels` }] };
  const result = criteriaSchemas().criteriaSetSchema.safeParse(data, { error: (englishMessages ??= z.locales.en().localeError) });
  if (result.success) return { ok: true, criteria: result.data };
  return {
    ok: false,
    problems: result.error.issues.slice(0, 50).map((issue) => ({ path: formatPath(issue.path), message: describeZodIssue(issue) })),
  };
}

function describeZodIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${article(issue.expected)}`;
  if (issue.code === 'unrecognized_keys') return `unknown key ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  return issue.message;
}
function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** Parses criteria JSON text. Never throws. */
export function parseCriteriaText(textContent: string): CriteriaLoad {
  let data: unknown;
  try {
    data = JSON.parse(textContent);
  } catch (e) {
    return { ok: false, problems: [{ path: '(root)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parseCriteria(data);
}

export { compareIds, listIndicators, placedIndicator } from './criteria-model';
export type { PlacedIndicator } from './criteria-model';
