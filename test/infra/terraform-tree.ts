/**
 * Reads the Terraform under terraform/ into plain objects with @cdktf/hcl2json (HashiCorp's HCL parser compiled
 * to WebAssembly), one configuration directory at a time, the way Terraform groups files into a module.
 *
 * hcl2json's JSON is Terraform's JSON syntax: blocks become arrays of objects, expressions become "${…}"
 * strings, `dynamic "x"` blocks stay under a `dynamic` key.
 */
import { parse } from '@cdktf/hcl2json';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TERRAFORM_ROOT = path.join(REPO_ROOT, 'terraform');

export type Body = Record<string, unknown>;

export interface Block {
  /** Resource or data source type; empty for modules, variables and outputs. */
  type: string;
  name: string;
  body: Body;
  file: string;
}

export interface TerraformConfig {
  dir: string;
  resources: Block[];
  dataSources: Block[];
  /** `provider "<name>"` blocks (type = provider name). */
  providers: Block[];
  modules: Block[];
  variables: Block[];
  outputs: Block[];
  locals: Body;
  /** Raw text of each .tf file, by file name (for checks on comments, which the parser drops). */
  sources: Record<string, string>;
}

function labelled(tree: unknown, file: string, typed: boolean): Block[] {
  const blocks: Block[] = [];
  for (const [first, inner] of Object.entries((tree ?? {}) as Record<string, unknown>)) {
    if (typed) {
      for (const [name, bodies] of Object.entries(inner as Record<string, Body[]>)) {
        for (const body of bodies) blocks.push({ type: first, name, body, file });
      }
    } else {
      for (const body of inner as Body[]) blocks.push({ type: '', name: first, body, file });
    }
  }
  return blocks;
}

// The parser is Go compiled to WebAssembly: ~1 s to start and a few hundred ms per file on a busy machine. Three
// test files read the same ~30 files, so results are cached by content hash (never committed: node_modules).
const PARSE_CACHE = path.join(REPO_ROOT, 'node_modules', '.cache', 'dc-pipeline', 'hcl2json');

export async function parseHcl(file: string, text: string): Promise<Record<string, unknown>> {
  const key = createHash('sha256').update('hcl2json-0.21.0\0').update(path.basename(file)).update('\0').update(text).digest('hex');
  const cached = path.join(PARSE_CACHE, `${key}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as Record<string, unknown>;
  const tree = await parse(file, text);
  mkdirSync(PARSE_CACHE, { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(tree));
  renameSync(tmp, cached);
  return tree;
}

/** Parses the .tf files of one directory (not its subdirectories) as Terraform would load them. */
export async function loadConfig(dir: string): Promise<TerraformConfig> {
  const config: TerraformConfig = { dir, resources: [], dataSources: [], providers: [], modules: [], variables: [], outputs: [], locals: {}, sources: {} };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.tf')).sort()) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    config.sources[file] = text;
    const tree = await parseHcl(path.join(dir, file), text);
    config.resources.push(...labelled(tree.resource, file, true));
    config.dataSources.push(...labelled(tree.data, file, true));
    config.modules.push(...labelled(tree.module, file, false));
    config.providers.push(...labelled(tree.provider, file, false).map((b) => ({ ...b, type: b.name })));
    config.variables.push(...labelled(tree.variable, file, false));
    config.outputs.push(...labelled(tree.output, file, false));
    for (const locals of (tree.locals ?? []) as Body[]) Object.assign(config.locals, locals);
  }
  return config;
}

/** Every directory under terraform/ that holds .tf files: modules, their examples, environments. */
export function configDirs(root = TERRAFORM_ROOT): string[] {
  const dirs: string[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir);
    if (entries.some((e) => e.endsWith('.tf'))) dirs.push(dir);
    for (const entry of entries) {
      const full = path.join(dir, entry);
      if (entry !== '.terraform' && statSync(full).isDirectory()) walk(full);
    }
  };
  walk(root);
  return dirs.sort();
}

let all: Promise<TerraformConfig[]> | undefined;

/** All configurations, parsed once per test file. */
export function loadAllConfigs(): Promise<TerraformConfig[]> {
  all ??= Promise.all(configDirs().map((d) => loadConfig(d)));
  return all;
}

export function relative(p: string): string {
  return path.relative(REPO_ROOT, p);
}

/** Every string anywhere inside a parsed value (expressions included). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}
