#!/usr/bin/env node
/**
 * Validates an add-in manifest offline: XML Schema (the vendored XSDs in schemas/office-manifest,
 * run by xmllint-wasm, no network), then cross-checks the schema cannot express: every resid
 * names a resource, resource ids are unique, every URL is https, and every icon under the dev
 * server's /assets/ exists in assets/.
 *
 * First, where the network allows, Microsoft's online validation service through
 * office-addin-manifest (the store's checks); when it cannot be reached in GNLC_VALIDATE_TIMEOUT_MS
 * (default 8,000 ms), or the package cannot load, the offline checks alone, and the output says
 * which was used. GNLC_VALIDATE_OFFLINE=1 skips the online service.
 *
 *   node scripts/validate-manifest.mjs [manifest.xml]         exit 0 = valid, 1 = invalid, 2 = usage
 *   node scripts/validate-manifest.mjs --info [manifest.xml]  the manifest as office-addin-manifest reads it (JSON)
 */
import { readFile, readdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import xmllint from 'xmllint-wasm';

const require = createRequire(import.meta.url);

/**
 * The manifest as office-addin-manifest reads it. Its XML handler is loaded directly: the package's
 * main entry also loads the JSON-manifest tooling, whose fs-extra dependency may be absent.
 */
export async function readManifestInfo(file) {
  const { ManifestHandlerXml } = require('office-addin-manifest/lib/manifestHandler/manifestHandlerXml');
  return new ManifestHandlerXml(file).parseManifest();
}

/**
 * Why office-addin-manifest's validator cannot load, in words: for a module not found, which
 * package asked for it and whether that package declares it (@microsoft/app-manifest, which
 * office-addin-manifest uses, requires fs-extra without declaring it, so npm does not install it).
 */
export function whyNotLoadable(e) {
  const message = String(e?.message ?? e);
  const missing = /Cannot find module '([^']+)'/.exec(message)?.[1];
  const from = /Require stack:\s*\n\s*-\s*(.+)/.exec(message)?.[1]?.trim();
  if (e?.code !== 'MODULE_NOT_FOUND' || !missing || !from) return `office-addin-manifest's validator cannot load (${message.split('\n')[0]})`;
  const parts = from.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  const pkgName = at >= 0 ? (parts[at + 1]?.startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1]) : undefined;
  let declared = null;
  if (pkgName) {
    try {
      const pkg = JSON.parse(readFileSync(join(parts.slice(0, at + (pkgName.includes('/') ? 3 : 2)).join('/') || '/', 'package.json'), 'utf8'));
      declared = [pkg.dependencies, pkg.peerDependencies, pkg.optionalDependencies].some((d) => d && Object.hasOwn(d, missing));
    } catch {
      declared = null;
    }
  }
  const who = pkgName ?? from;
  const fault =
    declared === false
      ? `${who} requires "${missing}" without declaring it as a dependency, so npm did not install it (a packaging fault upstream, not a fault of the manifest)`
      : `${who} requires "${missing}", which is not installed`;
  return `office-addin-manifest cannot load: ${fault}`;
}

/**
 * Microsoft's online validation (office-addin-manifest's validateManifest), or why it was not used.
 * @returns {Promise<{ used: true, valid: boolean, errors: string[] } | { used: false, reason: string }>}
 */
export async function validateOnline(file, timeoutMs = Number(process.env.GNLC_VALIDATE_TIMEOUT_MS ?? 8000)) {
  if (process.env.GNLC_VALIDATE_OFFLINE === '1') return { used: false, reason: 'GNLC_VALIDATE_OFFLINE=1' };
  let online;
  try {
    ({ validateManifest: online } = require('office-addin-manifest/lib/validate'));
  } catch (e) {
    return { used: false, reason: whyNotLoadable(e) };
  }
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ used: false, reason: `no answer from the online service in ${timeoutMs} ms` }), timeoutMs);
    timer.unref?.();
  });
  try {
    const answer = await Promise.race([
      online(file).then(
        (v) => (v.status !== undefined && v.status >= 500) || (!v.report && !v.isValid) ? { used: false, reason: `the online service answered ${v.status ?? '?'} ${v.statusText ?? ''}`.trim() } : { used: true, valid: !!v.isValid, errors: (v.report?.errors ?? []).map((e) => `${e.title ?? 'Error'}: ${e.content ?? ''}`) },
        (e) => ({ used: false, reason: String(e.message).split('\n').slice(0, 2).join(' ') }),
      ),
      timeout,
    ]);
    return answer;
  } finally {
    clearTimeout(timer);
  }
}

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
  const args = process.argv.slice(2);
  const info = args[0] === '--info';
  const file = resolve((info ? args[1] : args[0]) ?? join(ROOT, 'manifest.xml'));
  let xml;
  try {
    xml = await readFile(file, 'utf8');
  } catch (e) {
    console.error(`cannot read ${file}: ${e.message}`);
    process.exit(2);
  }
  if (info) {
    console.log(JSON.stringify(await readManifestInfo(file)));
    process.exit(0);
  }
  const online = await validateOnline(file);
  const { valid, errors } = await validateManifest(xml, { fileName: file });
  if (online.used) errors.unshift(...online.errors);
  const how = online.used
    ? "Microsoft's online validation service (office-addin-manifest), then the offline checks"
    : `offline: Office add-in manifest schema 1.1 + VersionOverrides 1.0 XSDs and cross-checks; online validation not used: ${online.reason}`;
  if (valid && (!online.used || online.valid)) {
    console.log(`${file}: valid (${how})`);
    process.exit(0);
  } else {
    console.error(`${file}: INVALID (${how})`);
    for (const e of errors) console.error(`  ${e}`);
    process.exit(1);
  }
}
