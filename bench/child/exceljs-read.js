'use strict';
// A baseline of the Node rows: exceljs reading the file, nothing else (no write).
//   node bench/child/exceljs-read.js <in.xlsx>…
const fs = require('fs');
const ExcelJS = require('exceljs');

async function read(files) {
  for (const file of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file));
  }
}

module.exports = { read };

if (require.main === module) {
  read(process.argv.slice(2)).then(
    () => (process.exitCode = 0),
    (e) => {
      process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
      process.exitCode = 1;
    },
  );
}
