'use strict';
// Consolidation of many returns through the xlsx host and the core, for as long as the command
// line has no `consolidate` command: every return read (exceljs) and mapped, consolidate(), the
// master sheet scored and written to a new workbook. Uses the compiled command line's modules
// (the same code `gnlc` runs).
//   node bench/child/consolidate.js <cli-dir> <criteria.json> <out.xlsx> <in.xlsx>…   (child)
//   require('./consolidate').consolidateFiles(cliDir, criteriaFile, files, out)       (in-process)
const fs = require('fs');
const path = require('path');

async function consolidateFiles(cliDir, criteriaFile, files, out) {
  const m = (p) => require(path.join(cliDir, p));
  const { parseCriteriaText } = m('core/criteria.js');
  const { findAppendixSheet, mapSheet, readEntries } = m('core/mapping.js');
  const { consolidate, buildMasterSheet } = m('core/consolidate.js');
  const { scoreAll } = m('core/score.js');
  const { loadWorkbook, readWorkbookSnapshot } = m('hosts/xlsx/read.js');
  const write = m('hosts/xlsx/write.js');
  const loaded = parseCriteriaText(fs.readFileSync(criteriaFile, 'utf8'));
  if (!loaded.ok) throw new Error('criteria: ' + JSON.stringify(loaded.problems[0]));
  const criteria = loaded.criteria;
  const returns = [];
  for (const file of files) {
    const wb = await loadWorkbook(fs.readFileSync(file));
    const read = readWorkbookSnapshot(wb, { workbookName: path.basename(file) });
    const found = findAppendixSheet({ sheets: read.snapshot.sheets.filter((s) => !read.summarySheets.includes(s.name)) }, criteria);
    if (!found) throw new Error(`${file}: no appendix sheet`);
    const mapping = mapSheet(found.sheet, criteria);
    const ret = { name: path.basename(file), entries: readEntries(found.sheet, mapping, criteria), mappedIds: Object.keys(mapping.placements) };
    if (mapping.header) ret.header = mapping.header;
    returns.push(ret);
  }
  const consolidation = consolidate(criteria, returns);
  const results = scoreAll(criteria, consolidation.entries);
  const master = buildMasterSheet(criteria, consolidation, results, { lang: 'vi' });
  const ExcelJS = require('exceljs');
  const wb = write.createWorkbook ? write.createWorkbook({ date: new Date(Date.UTC(2025, 0, 1)) }) : new ExcelJS.Workbook();
  const ws = wb.addWorksheet(master.name);
  if (write.writeTemplateSheet) write.writeTemplateSheet(ws, master);
  else write.writeSheetContent(ws, master);
  fs.writeFileSync(out, await write.writeWorkbookBuffer(wb));
  return { returns: returns.length, conflicts: consolidation.conflicts.length };
}

module.exports = { consolidateFiles };

if (require.main === module) {
  const [cliDir, criteriaFile, out, ...files] = process.argv.slice(2);
  consolidateFiles(cliDir, criteriaFile, files, out).then(
    () => (process.exitCode = 0),
    (e) => {
      process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
      process.exitCode = 1;
    },
  );
}
