/** Sheet references and text heights, shared by the exceljs writer (write.ts) and the package's product sheets (product-xml.ts). */

/** Quotes a sheet name for a reference: 'It''s here'!A1. */
export function sheetReference(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${address}`;
}

/** A rough count of the lines a wrapped text takes in a column of the given width (in characters). */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(4, Math.floor(width * 1.1));
  return text.split(/\r?\n/).reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}
