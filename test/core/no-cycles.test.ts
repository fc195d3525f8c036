/**
 * No import cycles between the files of src/, type-only imports and dynamic import() included
 * (a cycle is two modules that cannot be read, or loaded, one without the other); and the core
 * imports only itself, zod and src/i18n (DESIGN.md: a pure pipeline that any host can drive).
 * Imports are read with TypeScript's own scanner (ts.preProcessFile), so comments and strings
 * that look like imports do not count.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

/** A relative import resolved as TypeScript resolves it (file, .ts, .tsx, folder/index); null when it leaves the sources. */
function resolve(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function importsOf(file: string): string[] {
  return ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

/** The import graph of the given files: file → the files of the set it imports. */
function graphOf(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const deps = new Set<string>();
    for (const specifier of importsOf(file)) {
      if (!specifier.startsWith('.')) continue;
      const target = resolve(file, specifier);
      if (target) deps.add(target);
    }
    graph.set(file, [...deps].sort());
  }
  return graph;
}

/** Every cycle's files, in import order ("a.ts → b.ts → a.ts"): one cycle per strongly connected group of files. */
function findCycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's strongly connected components, iteratively (no recursion limit on a long import chain).
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      const deps = graph.get(top.node) ?? [];
      if (top.next < deps.length) {
        const dep = deps[top.next++]!;
        if (!index.has(dep)) {
          index.set(dep, counter);
          low.set(dep, counter++);
          stack.push(dep);
          onStack.add(dep);
          work.push({ node: dep, next: 0 });
        } else if (onStack.has(dep)) low.set(top.node, Math.min(low.get(top.node)!, index.get(dep)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) === index.get(top.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== top.node);
        if (group.length > 1 || deps.includes(top.node)) groups.push(group);
      }
    }
  }
  // A concrete cycle through each group: from its first file, the shortest way back to it.
  return groups.map((group) => {
    const members = new Set(group);
    const first = [...group].sort()[0]!;
    const previous = new Map<string, string>();
    const queue = [first];
    let last: string | undefined;
    while (queue.length && last === undefined) {
      const node = queue.shift()!;
      for (const dep of graph.get(node) ?? []) {
        if (!members.has(dep)) continue;
        if (dep === first) {
          last = node;
          break;
        }
        if (!previous.has(dep)) {
          previous.set(dep, node);
          queue.push(dep);
        }
      }
    }
    // Back from the file that imports the first one: first → … → last → first.
    const cycle: string[] = [];
    for (let node = last; node !== undefined; node = node === first ? undefined : previous.get(node)) cycle.unshift(node);
    return [...cycle, first];
  });
}

describe('imports', () => {
  const files = sourceFiles(SRC);

  test('the sources are found', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain(path.join(SRC, 'core', 'mapping', 'index.ts'));
  });

  test('no import cycle between the files of src/ (type-only imports included)', () => {
    const cycles = findCycles(graphOf(files)).map((cycle) => cycle.map(rel).join(' → '));
    expect(cycles).toEqual([]);
  });

  test('the cycle finder finds one, and names its files in import order', () => {
    const [a, b, c, d] = ['a.ts', 'b.ts', 'c.ts', 'd.ts'].map((f) => path.join(ROOT, f)) as [string, string, string, string];
    const graph = new Map([
      [a, [b]],
      [b, [c]],
      [c, [a, d]],
      [d, []],
    ]);
    expect(findCycles(graph).map((cycle) => cycle.map(rel).join(' → '))).toEqual(['a.ts → b.ts → c.ts → a.ts']);
    expect(findCycles(new Map([[d, [d]]])).map((cycle) => cycle.map(rel).join(' → '))).toEqual(['d.ts → d.ts']);
  });

  test('src/core imports only itself, zod (its classic or its mini API) and src/i18n', () => {
    const core = path.join(SRC, 'core') + path.sep;
    const i18n = path.join(SRC, 'i18n') + path.sep;
    const outside: string[] = [];
    for (const file of files.filter((f) => f.startsWith(core))) {
      for (const specifier of importsOf(file)) {
        if (!specifier.startsWith('.')) {
          if (specifier !== 'zod' && specifier !== 'zod/mini') outside.push(`${rel(file)} imports ${specifier}`);
          continue;
        }
        const target = resolve(file, specifier);
        if (!target || !(target.startsWith(core) || target.startsWith(i18n))) outside.push(`${rel(file)} imports ${specifier}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
