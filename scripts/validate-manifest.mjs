#!/usr/bin/env node
/**
 * Validates an add-in manifest offline: XML Schema (the vendored XSDs in schemas/office-manifest,
 * run by xmllint-wasm, no network), then cross-checks the schema cannot express: every resid
 * names a resource, resource ids are unique, every URL is https, and every icon under the dev
 * server's /assets/ exists in assets/.
 *
 *   node scripts/validate-manifest.mjs [manifest.xml]      exit 0 = valid, 1 = invalid, 2 = usage
 */
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import xmllint from 'xmllint-wasm';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA_DIR = join(ROOT, 'schemas', 'office-manifest');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';

/** @returns {Promise<{ valid: boolean, errors: string[] }>} */
export async function validateManifest(xml, { fileName = 'manifest.xml', assetsDir = join(ROOT, 'assets') } = {}) {
  const names = (await readdir(SCHEMA_DIR)).filter((n) => n.endsWith('.xsd'));
  const files = await Promise.all(names.map(async (n) => ({ fileName: n, contents: await readFile(join(SCHEMA_DIR, n), 'utf8') })));
  const main = files.find((f) => f.fileName === MAIN_SCHEMA);
  if (!main) throw new Error(`missing ${MAIN_SCHEMA} in ${SCHEMA_DIR}`);
  const result = await xmllint.validateXML({
    xml: [{ fileName: basename(fileName), contents: xml }],
    schema: [main],
    preload: files.filter((f) => f !== main),
  });
  const errors = result.errors.map((e) => (e.loc ? `${e.loc.fileName}:${e.loc.lineNumber}: ${e.message}` : e.rawMessage).trim());
  if (result.valid) errors.push(...crossCheck(xml, basename(fileName), assetsDir));
  return { valid: errors.length === 0, errors };
}

function lineOf(xml, index) {
  return xml.slice(0, index).split('\n').length;
}

function crossCheck(xml, name, assetsDir) {
  const errors = [];
  const body = xml.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
  const resources = /<Resources>([\s\S]*?)<\/Resources>/.exec(body);
  const defined = new Map();
  if (resources) {
    const offset = resources.index + '<Resources>'.length;
    for (const m of resources[1].matchAll(/<bt:(Image|Url|String)\s+id="([^"]+)"/g)) {
      const id = m[2];
      if (defined.has(id)) errors.push(`${name}:${lineOf(body, offset + m.index)}: resource id "${id}" is defined twice`);
      defined.set(id, m[1]);
    }
  }
  for (const m of body.matchAll(/\bresid="([^"]+)"/g)) {
    if (!defined.has(m[1])) errors.push(`${name}:${lineOf(body, m.index)}: resid "${m[1]}" names no resource`);
  }
  for (const m of body.matchAll(/(?:DefaultValue|Value)="((?:https?:)?\/\/[^"]*)"/g)) {
    const url = m[1];
    if (!url.startsWith('https://')) errors.push(`${name}:${lineOf(body, m.index)}: URL must be https: ${url}`);
    const asset = /^https:\/\/localhost:\d+\/assets\/([^"?#]+)$/.exec(url);
    if (asset && !existsSync(join(assetsDir, asset[1]))) errors.push(`${name}:${lineOf(body, m.index)}: ${url}: no such file in assets/`);
  }
  return errors;
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const file = resolve(process.argv[2] ?? join(ROOT, 'manifest.xml'));
  let xml;
  try {
    xml = await readFile(file, 'utf8');
  } catch (e) {
    console.error(`cannot read ${file}: ${e.message}`);
    process.exit(2);
  }
  const { valid, errors } = await validateManifest(xml, { fileName: file });
  if (valid) {
    console.log(`${file}: valid (Office add-in manifest schema 1.1, VersionOverrides 1.0)`);
  } else {
    console.error(`${file}: INVALID`);
    for (const e of errors) console.error(`  ${e}`);
    process.exit(1);
  }
}
