/** Sheet references and text heights, shared by the exceljs writer (write.ts) and the package's product sheets (product-xml.ts). */

/** Quotes a sheet name for a reference: 'It''s here'!A1. */
export function sheetReference(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** A rough count of the lines a wrapped text takes in a column of the given width (in characters). */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(4, Math.floor(width * 1.1));
  // Each line (up to a line feed, a carriage return before it not counted) measured where it is, not cut out of the text.
  let n = 0;
  for (let from = 0; ; ) {
    const lf = text.indexOf('\n', from);
    const end = lf < 0 ? text.length : lf;
    const length = end - from - (lf > from && text.charCodeAt(lf - 1) === 13 ? 1 : 0);
    n += Math.max(1, Math.ceil(length / perLine));
    if (lf < 0) return n;
    from = lf + 1;
  }
}
