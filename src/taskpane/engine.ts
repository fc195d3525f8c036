/**
 * The pane's scoring engine: the core (reader, mapper, scorer, plans), the bundled criteria and
 * the Office host. index.tsx loads it as a chunk of its own, started at once and in parallel
 * with the pane's first paint, so the pane shows as soon as React and Fluent UI are parsed.
 */
import './zod-no-eval'; // first: before any schema is built
export { officeBackend } from './office-backend';
export { bundledCriteria } from './criteria';
