/** The four statuses of an indicator and how they look: fill, font colour, symbol. No dependencies. */

export const STATUSES = ['met', 'unmet', 'invalid', 'missing'] as const;
export type Status = (typeof STATUSES)[number];

/** Excel's own cell styles: Good, Bad and Neutral fills; a light grey for missing. */
export const STATUS_FILL: Record<Status, string> = {
  met: '#C6EFCE',
  unmet: '#FFC7CE',
  invalid: '#FFEB9C',
  missing: '#D9D9D9',
};
/** Matching font colours of Excel's Good / Bad / Neutral styles (used on the product's own sheets). */
export const STATUS_FONT: Record<Status, string> = {
  met: '#006100',
  unmet: '#9C0006',
  invalid: '#9C5700',
  missing: '#3A3A3A',
};
/** A text symbol per status, so colour is never the only signal. */
export const STATUS_SYMBOL: Record<Status, string> = { met: '✔', unmet: '✘', invalid: '⚠', missing: '…' };
