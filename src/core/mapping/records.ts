/** Records keyed by ids and field keys taken from a sheet or a saved mapping: no prototype to pollute or to read through. */

/** A record that cannot be polluted through its prototype. */
export function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A record's own property, never one inherited from Object.prototype ("constructor", "toString"). */
export function own<T>(rec: Record<string, T> | undefined | null, key: string): T | undefined {
  return rec && Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : undefined;
}
