/**
 * A copy of a record with some properties set: what `{ ...base, ...extra }` gives.
 *
 * Written this way, not as `{ ...base, key: value }`: Node 20's V8 gives every object made by a
 * spread followed by more properties a hidden class of its own, so the functions that later read
 * such objects (a cell, a field, a result) cannot be optimised for their shape and fall back to
 * their slowest path. `Object.assign` keeps one class per shape. eslint.config.mjs forbids the
 * spread form in the core, the xlsx host and the CLI.
 *
 * Only for the product's own records: a key "__proto__" in `base` would set the copy's prototype
 * here (a spread would make it an own property). Maps keyed by a person's text use setOwn (state.ts).
 */
export function withProps<T extends object, U extends object>(base: T, extra: U): Omit<T, keyof U> & U {
  return Object.assign({}, base, extra) as Omit<T, keyof U> & U;
}
