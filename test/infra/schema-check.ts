/**
 * Checks resource and data source blocks against the provider schema: unknown types, unknown arguments and
 * nested blocks (at any depth, through `dynamic` blocks), missing required arguments, and attribute references
 * (`google_x.name.attr`) to attributes the resource does not have.
 */
import type { ArgumentSchema, BlockSchema, ProviderSchema } from './provider-schema.js';
import { stringsIn, type Block, type Body } from './terraform-tree.js';

const RESOURCE_META = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection']);
const DATA_META = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider']);

export interface SchemaProblem {
  where: string;
  message: string;
}

function isBody(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A nested block's bodies: `x { … }` is an array of objects; an object-typed attribute is one object. */
function bodiesOf(value: unknown): Body[] {
  if (Array.isArray(value)) return value.filter(isBody);
  return isBody(value) ? [value] : [];
}

function checkBody(body: Body, schema: BlockSchema, where: string, meta: Set<string>, problems: SchemaProblem[]): void {
  const present = new Set<string>();
  for (const [key, value] of Object.entries(body)) {
    if (meta.has(key)) continue;
    if (key === 'dynamic') {
      for (const [name, dynamics] of Object.entries(value as Record<string, Body[]>)) {
        const arg = schema.arguments[name];
        if (!arg?.nested) {
          problems.push({ where, message: `dynamic block "${name}" is not a nested block of this schema` });
          continue;
        }
        present.add(name);
        for (const dyn of dynamics) {
          for (const content of bodiesOf(dyn.content)) checkBody(content, arg.nested, `${where}.${name}`, new Set(), problems);
        }
      }
      continue;
    }
    const arg: ArgumentSchema | undefined = schema.arguments[key];
    if (!arg) {
      problems.push({ where, message: `unknown argument "${key}"` });
      continue;
    }
    present.add(key);
    // hcl2json writes a block `x { … }` as an array of objects and an attribute `x = { … }` as one object: a
    // nested block given with `=` is an error Terraform reports as "Unsupported argument".
    if (arg.nested && isBody(value)) problems.push({ where, message: `"${key}" is a block: write ${key} { … }, not ${key} = { … }` });
    if (arg.nested) for (const nested of bodiesOf(value)) checkBody(nested, arg.nested, `${where}.${key}`, new Set(), problems);
  }
  for (const [name, arg] of Object.entries(schema.arguments)) {
    if (arg.required && !present.has(name)) problems.push({ where, message: `missing required argument "${name}"` });
  }
}

/** A `provider "google" { … }` block against the provider's own configuration schema. */
export function checkProviderBlock(block: Block, schema: ProviderSchema): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  checkBody(block.body, schema.provider, `provider.${block.name}`, new Set(['alias']), problems);
  problems.forEach((p) => (p.where = `${p.where} (${block.file})`));
  return problems;
}

export function checkBlock(block: Block, kind: 'resource' | 'data', schema: ProviderSchema): SchemaProblem[] {
  const where = `${kind === 'data' ? 'data.' : ''}${block.type}.${block.name}`;
  const resource = (kind === 'resource' ? schema.resources : schema.dataSources)[block.type];
  if (!resource) return [{ where, message: `unknown ${kind === 'resource' ? 'resource' : 'data source'} type "${block.type}"` }];
  const problems: SchemaProblem[] = [];
  checkBody(block.body, resource, where, kind === 'resource' ? RESOURCE_META : DATA_META, problems);
  problems.forEach((p) => (p.where = `${p.where} (${block.file})`));
  for (const lifecycle of bodiesOf(block.body.lifecycle)) {
    for (const ref of stringsIn(lifecycle.ignore_changes)) {
      const attr = /^\$\{([a-z0-9_]+)/.exec(ref)?.[1] ?? ref;
      if (!resource.arguments[attr]) problems.push({ where, message: `ignore_changes names "${attr}", which is not an argument` });
    }
  }
  return problems;
}

const REFERENCE = /(?<![.\w])(data\.)?(google_[a-z0-9_]+)\.([a-z0-9_-]+)(?:\[[^\]]*\])?\.([a-z0-9_]+)/g;

/** References such as `google_service_account.main.email` must name a declared block and a real attribute. */
export function checkReferences(
  strings: string[],
  declared: { resources: Block[]; dataSources: Block[] },
  schema: ProviderSchema,
  where: string,
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const text of strings) {
    for (const m of text.matchAll(REFERENCE)) {
      const [, data, type, name, attr] = m as unknown as [string, string | undefined, string, string, string];
      const pool = data ? declared.dataSources : declared.resources;
      const address = `${data ?? ''}${type}.${name}`;
      if (!pool.some((b) => b.type === type && b.name === name)) {
        problems.push({ where, message: `reference to undeclared ${address}` });
        continue;
      }
      const resource = (data ? schema.dataSources : schema.resources)[type];
      if (resource && !resource.attributes.includes(attr)) problems.push({ where, message: `${address} has no attribute "${attr}"` });
    }
  }
  return problems;
}
