/**
 * A saved mapping as read back from a workbook (the product's state, or a hand-fixed one): its
 * schema, and the reader that validates it. Anything malformed or hostile reads as no saved mapping.
 */
import * as z from 'zod/mini';
import { parseA1 } from '../snapshot';
import { record } from './records';
import { MATCH_METHODS, SavedMapping } from './types';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);
/** Built on first use, not when the module loads (the task pane opens faster without it). */
let schema: ReturnType<typeof buildSchema> | null = null;
function buildSchema() {
  const idKey = z.string().check(z.maxLength(40), z.regex(/^\d+(\.\d+)*\.[a-z]$/));
  const fieldKey = z.string().check(
    z.maxLength(80),
    z.regex(/^[a-z][a-z0-9_]*(@previous|@current)?$/),
    z.refine((k) => !FORBIDDEN_KEYS.has(k)),
  );
  const address = z.string().check(
    z.maxLength(12),
    z.refine((a) => parseA1(a) !== null, 'expected an A1 address'),
  );
  const savedPlacementSchema = z.strictObject({
    row: z.number().check(z.int(), z.minimum(0), z.maximum(1_048_575)),
    fields: z.record(fieldKey, z.array(address).check(z.minLength(1), z.maxLength(200))),
    trendPairs: z.optional(z.record(fieldKey, z.strictObject({ previous: z.optional(address), current: z.optional(address) }))),
    method: z.optional(z.enum(MATCH_METHODS)),
  });
  return z.strictObject({
    version: z.literal(1),
    criteriaId: z.string().check(z.minLength(1), z.maxLength(64)),
    sheet: z.string().check(z.maxLength(31)),
    placements: z.record(idKey, savedPlacementSchema),
  });
}

/** True when some object, anywhere in the value, has an own key that could reach a prototype. */
function hasHostileKey(value: unknown, depth = 0): boolean {
  if (depth > 8 || !value || typeof value !== 'object') return false;
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return true;
    if (hasHostileKey((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

/** Validates a saved mapping (parsed JSON); null when anything is malformed. */
export function parseSavedMapping(data: unknown): SavedMapping | null {
  if (hasHostileKey(data)) return null;
  const parsed = (schema ??= buildSchema()).safeParse(data);
  if (!parsed.success) return null;
  const d = parsed.data;
  if (Object.keys(d.placements).length > 1000) return null;
  const placements = record<SavedMapping['placements'][string]>();
  for (const [id, p] of Object.entries(d.placements)) {
    const fields = record<string[]>();
    for (const [key, cells] of Object.entries(p.fields)) fields[key] = cells.map((c) => c.toUpperCase().replace(/\$/g, ''));
    const out: SavedMapping['placements'][string] = { row: p.row, fields };
    if (p.method !== undefined) out.method = p.method;
    if (p.trendPairs) {
      const pairs = record<{ previous?: string; current?: string }>();
      for (const [key, pair] of Object.entries(p.trendPairs)) {
        const copy: { previous?: string; current?: string } = {};
        if (pair.previous !== undefined) copy.previous = pair.previous.toUpperCase().replace(/\$/g, '');
        if (pair.current !== undefined) copy.current = pair.current.toUpperCase().replace(/\$/g, '');
        pairs[key] = copy;
      }
      out.trendPairs = pairs;
    }
    placements[id] = out;
  }
  return { version: 1, criteriaId: d.criteriaId, sheet: d.sheet, placements };
}
