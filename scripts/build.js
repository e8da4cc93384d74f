#!/usr/bin/env node
// Builds every bundle GitHub (or Cloud Run, or a user's shell) runs: `node scripts/build.js [name ...]`.
//
// ncc emits ES modules here (the package is "type": "module") and splits each dynamic import() into its own
// chunk, which is what keeps cold start low: a command loads only what it uses. Two things ncc's ESM output
// does not do, this script does:
// - define `__dirname` in every chunk: google-gax and @google-cloud/storage read it at load time and an ES
//   module has none (ReferenceError at the first Google call otherwise);
// - write dist/index.js, the root action's dispatcher, which imports dist/<command>/index.js on demand.
//
// @duckdb/node-api stays external: its native library is 69 MB per bundle, and only the embedded local target
// (the CLI installed with npm, which has node_modules) uses it. The GitHub actions and the Cloud Run service run
// against GCS and BigQuery; asked for the local target without the package, they say how to get it.
const EXTERNALS = ['@duckdb/node-api'];
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync, unlinkSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRIES = {
  plan: 'src/actions/plan/index.ts',
  apply: 'src/actions/apply/index.ts',
  ingest: 'src/actions/ingest/index.ts',
  cli: 'src/cli/index.ts',
  service: 'src/service/index.ts',
};
const SHIM =
  "import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; " +
  'const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));\n';

function ncc(entry, out) {
  return new Promise((resolve, reject) => {
    const bin = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
    const child = spawn(process.execPath, [bin, 'build', entry, '-o', out, '--quiet', ...EXTERNALS.flatMap((e) => ['-e', e])], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ncc failed for ${entry} (exit ${code})`))));
  });
}

// webpack numbers lazy chunks by a hash with collision bumping whose outcome varies between runs (seen: the
// BigQuery chunk of dist/ingest as 777 in one build and 802 in the next, same bytes), which would make CI's
// "dist/ differs from the commit" check fail at random. So every chunk is renumbered from its own content:
// leaves first, then chunks that import them once their references carry the new ids. Byte-identical chunks
// get one id and one file.
const CHUNK_REF = /(__nccwpck_require__|__webpack_require__)\.e\((\/\* import\(\) \*\/ )?(\d+)\)/g;
const OWN_ID = /^export const id = (\d+);\nexport const ids = \[(\d+)\];/m;

function renumberChunks(out) {
  const files = readdirSync(out).filter((f) => /^\d+\.index\.js$/.test(f));
  const text = new Map(files.map((f) => [Number.parseInt(f, 10), readFileSync(join(out, f), 'utf8')]));
  const renamed = new Map();
  const used = new Map();
  const refsOf = (body) => [...body.matchAll(CHUNK_REF)].map((m) => Number(m[3]));
  const rewriteRefs = (body) =>
    body.replace(CHUNK_REF, (all, fn, comment, id) => `${fn}.e(${comment ?? ''}${renamed.get(Number(id)) ?? id})`);
  while (renamed.size < text.size) {
    const ready = [...text.keys()].filter(
      (id) => !renamed.has(id) && refsOf(text.get(id)).every((ref) => ref === id || renamed.has(ref) || !text.has(ref)),
    );
    if (ready.length === 0) throw new Error(`chunk references form a cycle in ${out}`);
    for (const id of ready) {
      const body = rewriteRefs(text.get(id)).replace(OWN_ID, 'export const id = 0;\nexport const ids = [0];');
      const digest = createHash('sha256').update(body).digest();
      const stable = 100000 + (digest.readUInt32BE(0) % 900000);
      const owner = used.get(stable);
      if (owner !== undefined && owner !== digest.toString('hex')) throw new Error(`chunk id collision ${stable} in ${out}`);
      used.set(stable, digest.toString('hex'));
      renamed.set(id, stable);
    }
  }
  for (const [id, body] of text) {
    const stable = renamed.get(id);
    unlinkSync(join(out, `${id}.index.js`));
    const rewritten = rewriteRefs(body).replace(OWN_ID, `export const id = ${stable};\nexport const ids = [${stable}];`);
    writeFileSync(join(out, `${stable}.index.js`), rewritten);
  }
  const entry = join(out, 'index.js');
  writeFileSync(entry, rewriteRefs(readFileSync(entry, 'utf8')));
}

function postProcess(name, out) {
  renumberChunks(out);
  for (const file of readdirSync(out)) {
    if (!file.endsWith('.js')) continue;
    const path = join(out, file);
    let text = readFileSync(path, 'utf8');
    if (!text.includes('const __dirname = __dcp_dirname')) text = SHIM + text;
    if (name === 'cli' && file === 'index.js') text = '#!/usr/bin/env node\n' + text;
    writeFileSync(path, text);
    if (name === 'cli' && file === 'index.js') chmodSync(path, 0o755);
  }
}

const DISPATCHER = `// Generated by scripts/build.js: the root action runs one of the toolkit's actions by its \`command\` input.
const COMMANDS = ['plan', 'apply', 'ingest'];
const command = (process.env.INPUT_COMMAND ?? '').trim();
if (!COMMANDS.includes(command)) {
  process.exitCode = 1;
  process.stdout.write(\`::error::dc-pipeline failed with: Input \\\`command\\\` was "\${command}"; expected one of: "plan", "apply", "ingest".\\n\`);
} else {
  await import(\`./\${command}/index.js\`);
}
`;

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(ENTRIES);
for (const name of names) if (!ENTRIES[name]) throw new Error(`unknown bundle "${name}"; known: ${Object.keys(ENTRIES).join(', ')}`);

// Two at a time: ncc is single-threaded and these machines have two cores.
const queue = names.filter((n) => existsSync(join(root, ENTRIES[n])));
async function worker() {
  for (let name = queue.shift(); name; name = queue.shift()) {
    const out = join(root, 'dist', name);
    rmSync(out, { recursive: true, force: true });
    const started = Date.now();
    await ncc(ENTRIES[name], out);
    postProcess(name, out);
    console.log(`built dist/${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
await Promise.all([worker(), worker()]);
writeFileSync(join(root, 'dist', 'index.js'), DISPATCHER);
writeFileSync(join(root, 'dist', 'package.json'), '{\n  "type": "module"\n}\n');
