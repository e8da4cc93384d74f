#!/usr/bin/env node
// Writes the Inputs and Outputs tables of every Terraform module's README.md from its variables.tf and
// outputs.tf, between <!-- BEGIN_TF_DOCS --> and <!-- END_TF_DOCS --> (the terraform-docs markers, so the
// READMEs stay compatible with that tool). Everything outside the markers is hand-written and left alone.
//
//   node scripts/tf-docs.js            rewrite stale READMEs
//   node scripts/tf-docs.js --check    exit 1 and list the stale READMEs, change nothing (CI)
//   --modules <dir>                    modules folder (default terraform/modules; tests use a copy)
import { parse } from '@cdktf/hcl2json';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BEGIN = '<!-- BEGIN_TF_DOCS -->';
const END = '<!-- END_TF_DOCS -->';

/** hcl2json wraps expressions (and type constraints) in ${…}. */
function unwrap(text) {
  const m = /^\$\{([\s\S]*)\}$/.exec(text);
  return m ? m[1] : text;
}

/** A multi-line type constraint as one readable line: `object({ cpu = optional(string, "1"), memory = … })`. */
function oneLine(type) {
  const lines = type.split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).filter(Boolean);
  let out = '';
  for (const line of lines) {
    if (out === '') out = line;
    else if (/[({[]$/.test(out) || /^[)}\]]/.test(line)) out += ` ${line}`;
    else out += `, ${line}`;
  }
  return out;
}

/** Table cell text: pipes would end the cell, and `<dataset>` would be swallowed as an HTML tag by GitHub. */
function cell(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Inside a code span HTML is not interpreted, so only the pipe needs escaping. */
function code(text) {
  return `\`${String(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}\``;
}

function renderDefault(value) {
  if (value === null) return code('null');
  if (typeof value === 'string') return code(/^\$\{/.test(value) ? unwrap(value) : JSON.stringify(value));
  return code(JSON.stringify(value));
}

async function blocksOf(file, kind, parseHcl) {
  if (!existsSync(file)) return [];
  const tree = await parseHcl(file, readFileSync(file, 'utf8'));
  return Object.entries(tree[kind] ?? {})
    .map(([name, [body]]) => ({ name, body }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The generated section (markers included) for one module directory. */
export async function renderModuleDocs(dir, parseHcl = parse) {
  const variables = await blocksOf(join(dir, 'variables.tf'), 'variable', parseHcl);
  const outputs = await blocksOf(join(dir, 'outputs.tf'), 'output', parseHcl);
  const lines = [BEGIN, '## Inputs', ''];
  if (variables.length === 0) lines.push('No inputs.');
  else {
    lines.push('| Name | Description | Type | Default | Required |', '|------|-------------|------|---------|:--------:|');
    for (const { name, body } of variables) {
      const required = !('default' in body);
      const type = body.type ? code(oneLine(unwrap(body.type))) : '';
      lines.push(`| ${name} | ${cell(body.description ?? '')} | ${type} | ${required ? 'n/a' : renderDefault(body.default)} | ${required ? 'yes' : 'no'} |`);
    }
  }
  lines.push('', '## Outputs', '');
  if (outputs.length === 0) lines.push('No outputs.');
  else {
    lines.push('| Name | Description |', '|------|-------------|');
    for (const { name, body } of outputs) lines.push(`| ${name} | ${cell(body.description ?? '')} |`);
  }
  lines.push(END);
  return lines.join('\n');
}

/** The README with its generated section replaced (or appended when the markers are missing). */
export async function updatedReadme(dir, parseHcl = parse) {
  const file = join(dir, 'README.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : `# ${dir.split('/').pop()}\n`;
  const section = await renderModuleDocs(dir, parseHcl);
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + section + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  return { file, current, next };
}

/**
 * Brings every module README under `modulesDir` up to date (or only reports, with `check`).
 * Returns the module count and the README paths that were (or would be) rewritten.
 */
export async function syncModuleReadmes(modulesDir, { check = false, parseHcl = parse } = {}) {
  const dirs = readdirSync(modulesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(modulesDir, e.name, 'variables.tf')))
    .map((e) => join(modulesDir, e.name))
    .sort();
  const stale = [];
  for (const dir of dirs) {
    const { file, current, next } = await updatedReadme(dir, parseHcl);
    if (current === next) continue;
    stale.push(file);
    if (!check) writeFileSync(file, next);
  }
  return { modules: dirs.length, stale };
}

async function main(argv) {
  const check = argv.includes('--check');
  const at = argv.indexOf('--modules');
  const modulesDir = at >= 0 ? argv[at + 1] : join(root, 'terraform', 'modules');
  const result = await syncModuleReadmes(modulesDir, { check });
  const stale = result.stale.map((f) => relative(process.cwd(), f));
  if (check && stale.length > 0) {
    console.error(`Module READMEs are stale (run: node scripts/tf-docs.js):\n${stale.map((f) => `  ${f}`).join('\n')}`);
    return 1;
  }
  console.log(check ? `${result.modules} module READMEs are current.` : `${result.modules} module READMEs checked, ${stale.length} updated.`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(`tf-docs failed with: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
