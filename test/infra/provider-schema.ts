/**
 * A compact Terraform schema of the google provider, extracted from @cdktf/provider-google's jsii assembly.
 *
 * The assembly (~100 MB) describes every resource and data source as a class whose config interface lists the
 * arguments; each property's docs link to the registry page with the Terraform attribute as the anchor
 * (`…/docs/resources/cloud_run_v2_service#template`), and `optional` says whether it is required. We read it
 * once, keep only names, required-ness and nested blocks, and cache the result (a few hundred KB) under
 * node_modules/.cache keyed by the package version, so the schema test costs milliseconds after the first run.
 */
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

export interface BlockSchema {
  /** Terraform argument name → its schema. */
  arguments: Record<string, ArgumentSchema>;
}

export interface ResourceSchema extends BlockSchema {
  /** Every attribute that can be read from the resource (arguments and computed ones like `uri`, `member`). */
  attributes: string[];
}

export interface ArgumentSchema {
  required: boolean;
  /** Present when the argument is a nested block (or an object-typed attribute). */
  nested?: BlockSchema;
}

export interface ProviderSchema {
  providerVersion: string;
  packageVersion: string;
  resources: Record<string, ResourceSchema>;
  dataSources: Record<string, ResourceSchema>;
  /** The `provider "google" { … }` block. */
  provider: BlockSchema;
}

interface JsiiTypeRef {
  primitive?: string;
  fqn?: string;
  collection?: { kind: string; elementtype: JsiiTypeRef };
  union?: { types: JsiiTypeRef[] };
}

interface JsiiProperty {
  name: string;
  optional?: boolean;
  type: JsiiTypeRef;
  docs?: { remarks?: string; summary?: string };
}

interface JsiiType {
  kind: string;
  base?: string;
  datatype?: boolean;
  docs?: { summary?: string };
  properties?: (JsiiProperty & { static?: boolean; protected?: boolean })[];
  initializer?: { parameters?: { name: string; type: JsiiTypeRef }[] };
}

const require = createRequire(import.meta.url);
const PACKAGE = '@cdktf/provider-google';
const REPRESENTS = /registry\.terraform\.io\/providers\/hashicorp\/google\/([^/]+)\/docs\/(resources|data-sources)\/\S+ (google_[a-z0-9_]+)\}/;
const ANCHOR = /registry\.terraform\.io\/providers\/hashicorp\/google\/[^/]+\/docs(?:\/[^#\s]+)?#([a-z0-9_]+) /;
const PROVIDER_CONFIG = '@cdktf/provider-google.provider.GoogleProviderConfig';

function packageDir(): string {
  return path.dirname(require.resolve(`${PACKAGE}/package.json`));
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The struct a property refers to, through lists, maps and `IResolvable | Struct[]` unions. */
function structFqn(ref: JsiiTypeRef, types: Record<string, JsiiType>): string | undefined {
  if (ref.fqn) return types[ref.fqn]?.datatype ? ref.fqn : undefined;
  if (ref.collection) return structFqn(ref.collection.elementtype, types);
  if (ref.union) {
    for (const t of ref.union.types) {
      const found = structFqn(t, types);
      if (found) return found;
    }
  }
  return undefined;
}

function blockOf(fqn: string, types: Record<string, JsiiType>, seen: Set<string>): BlockSchema {
  const block: BlockSchema = { arguments: {} };
  const type = types[fqn];
  if (!type || seen.has(fqn)) return block;
  seen.add(fqn);
  for (const prop of type.properties ?? []) {
    const anchor = ANCHOR.exec(prop.docs?.remarks ?? '')?.[1] ?? snakeCase(prop.name);
    const nestedFqn = structFqn(prop.type, types);
    const arg: ArgumentSchema = { required: !prop.optional };
    if (nestedFqn) arg.nested = blockOf(nestedFqn, types, seen);
    block.arguments[anchor] = arg;
  }
  seen.delete(fqn);
  return block;
}

/**
 * The class's getters are the readable attributes (`uri`, `email`, `member`, …); `fooInput` getters mirror the
 * arguments and are not Terraform names. Inherited TerraformResource members (`fqn`, `friendlyUniqueId`, …) are
 * not on the class itself, so they do not leak in.
 */
function readableAttributes(type: JsiiType): string[] {
  const names = new Set<string>(['id']);
  for (const prop of type.properties ?? []) {
    if (prop.static || prop.protected || prop.name.endsWith('Input')) continue;
    names.add(snakeCase(prop.name));
  }
  return [...names].sort();
}

export function extractProviderSchema(jsii: { version: string; types: Record<string, JsiiType> }): ProviderSchema {
  const schema: ProviderSchema = {
    providerVersion: '',
    packageVersion: jsii.version,
    resources: {},
    dataSources: {},
    provider: blockOf(PROVIDER_CONFIG, jsii.types, new Set()),
  };
  for (const type of Object.values(jsii.types)) {
    if (type.kind !== 'class') continue;
    const match = REPRESENTS.exec(type.docs?.summary ?? '');
    const configRef = type.initializer?.parameters?.find((p) => p.name === 'config')?.type.fqn;
    if (!match || !configRef) continue;
    const [, providerVersion, kind, name] = match as unknown as [string, string, string, string];
    schema.providerVersion = providerVersion;
    const target = kind === 'resources' ? schema.resources : schema.dataSources;
    target[name] = { ...blockOf(configRef, jsii.types, new Set()), attributes: readableAttributes(type) };
  }
  return schema;
}

/** Cache location: per checkout, per package version; never committed (node_modules is ignored). */
export function schemaCachePath(version: string): string {
  return path.join(packageDir(), '..', '..', '.cache', 'dc-pipeline', `provider-google-${version}.schema.v2.json`);
}

export function loadProviderSchema(): ProviderSchema {
  const dir = packageDir();
  const version = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const cache = schemaCachePath(version);
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as ProviderSchema;
  const schema = extractProviderSchema(JSON.parse(readFileSync(path.join(dir, '.jsii'), 'utf8')));
  mkdirSync(path.dirname(cache), { recursive: true });
  // Written to a temp name and renamed: two test workers extracting at once never read half a file.
  const tmp = `${cache}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(schema));
  renameSync(tmp, cache);
  return schema;
}
