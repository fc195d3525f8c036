/**
 * Text from cells is always rendered as text: no source file under src/ builds HTML from strings
 * or runs strings as code. (Comments and strings are searched too: a mention is a prompt to look.)
 */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');

const FORBIDDEN: Array<[string, RegExp]> = [
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['eval(', /(^|[^\w.$])eval\s*\(/],
  ['new Function(', /new\s+Function\s*\(/],
  ['innerHTML =', /\.innerHTML\s*\+?=/],
  ['outerHTML =', /\.outerHTML\s*\+?=/],
  ['insertAdjacentHTML(', /insertAdjacentHTML\s*\(/],
  ['document.write(', /document\.write(ln)?\s*\(/],
  ['setTimeout with a string', /setTimeout\s*\(\s*['"`]/],
];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx|js|jsx|mjs|cjs|html)$/.test(e.name)) out.push(p);
  }
  return out;
}

test('src/ has no dangerouslySetInnerHTML, eval(, new Function(, innerHTML = (nor outerHTML, insertAdjacentHTML, document.write)', () => {
  const files = sources(SRC);
  expect(files.length).toBeGreaterThan(30);
  const found: string[] = [];
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const [name, re] of FORBIDDEN) if (re.test(line)) found.push(`${path.relative(SRC, file)}:${i + 1}: ${name}: ${line.trim().slice(0, 120)}`);
    });
  }
  expect(found).toEqual([]);
});

test('the patterns catch what they are meant to catch', () => {
  const hits = (s: string) => FORBIDDEN.filter(([, re]) => re.test(s)).map(([n]) => n);
  expect(hits('el.innerHTML = cell.text')).toEqual(['innerHTML =']);
  expect(hits('<div dangerouslySetInnerHTML={{ __html: t }} />')).toEqual(['dangerouslySetInnerHTML']);
  expect(hits('const f = new Function("return 1")')).toEqual(['new Function(']);
  expect(hits('eval(text)')).toEqual(['eval(']);
  expect(hits('x.evaluate(y); retrieval(z)')).toEqual([]);
  expect(hits('el.textContent = cell.text')).toEqual([]);
});
