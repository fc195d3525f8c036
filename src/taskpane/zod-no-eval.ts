/**
 * zod compiles fast object parsers with `new Function` unless told not to; its probe for that
 * alone raises a Content-Security-Policy violation on every page of the add-in, whose CSP
 * forbids eval. Imported first by every browser entry (the pane's engine, the ribbon commands,
 * the preview), before any schema is built: zod decides at a schema's construction.
 */
import { config } from 'zod/mini';

config({ jitless: true });
