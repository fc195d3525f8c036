// Lints source texts as if they sat at given paths of the project, with the project's own
// eslint.config.mjs, through ESLint's Node API. Reads [{ filePath, code }] as JSON on stdin and
// writes [{ filePath, messages: [{ ruleId, line, message }] }] on stdout.
// A child process of test/lint/boundaries.test.ts: ESLint loads its config with import(), which
// jest's module sandbox does not allow.
import { ESLint } from 'eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const texts = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const eslint = new ESLint({ cwd: root });
const out = [];
for (const { filePath, code } of texts) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  out.push({ filePath, messages: (result?.messages ?? []).map((m) => ({ ruleId: m.ruleId, line: m.line, message: m.message })) });
}
process.stdout.write(JSON.stringify(out));
