/**
 * The pane's scoring engine: the core (reader, mapper, scorer, plans), the bundled criteria and
 * the Office host. A chunk group of its own, preloaded by taskpane.html (webpack.config.js) so that
 * it downloads with the entry, and run by index.tsx's import(); nothing here builds a zod schema
 * when it loads (the core builds them on first use), so running it costs little.
 */
import './zod-no-eval'; // first: before any schema is built
export { officeBackend } from './office-backend';
export { bundledCriteria } from './criteria';
