'use strict';
// The baseline of the Node rows: exceljs's own read + write of the same files, nothing else.
//   node bench/child/exceljs-roundtrip.js <out-dir> <in.xlsx>…   (a child process: cold start)
//   require('./exceljs-roundtrip').roundTrip(files, outDir)      (in-process)
// Each file is read from disk, loaded, written back to bytes and saved, one after the other.
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');

async function roundTrip(files, outDir) {
  for (const file of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file));
    const out = Buffer.from(await wb.xlsx.writeBuffer());
    fs.writeFileSync(path.join(outDir, path.basename(file)), out);
  }
}

module.exports = { roundTrip };

if (require.main === module) {
  const [outDir, ...files] = process.argv.slice(2);
  roundTrip(files, outDir).then(
    () => (process.exitCode = 0),
    (e) => {
      process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
      process.exitCode = 1;
    },
  );
}
