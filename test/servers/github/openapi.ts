/**
 * GitHub's own description of its REST API (@octokit/openapi): which method + path templates exist and what
 * JSON body each operation accepts. The loopback server refuses anything this description does not allow,
 * so a test passes only if the real API would have accepted the same request.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

interface Operation {
  operationId: string;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
}

export interface Route {
  method: string;
  template: string;
  operationId: string;
  params: Record<string, string>;
  /** Validates the JSON body; undefined when the operation takes none. */
  validate?: ValidateFunction;
  bodyRequired: boolean;
}

interface CompiledRoute {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  literals: number;
  operation: Operation;
  pointer: string;
}

let table: { routes: CompiledRoute[]; ajv: Ajv; validators: Map<string, ValidateFunction> } | undefined;

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function load() {
  if (table) return table;
  const path = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { paths: Record<string, Record<string, Operation>> };
  // OpenAPI 3.0 schemas carry keywords JSON Schema does not know (example, nullable handled by ajv, x-*).
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
  ajv.addSchema(doc, 'api');
  const routes: CompiledRoute[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const segments = template.split('/');
    const names: string[] = [];
    const pattern = segments
      .map((s) => {
        const m = /^\{(.+)\}$/.exec(s);
        if (!m) return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(m[1] as string);
        return '([^/]+)';
      })
      .join('/');
    const literals = segments.filter((s) => s && !s.startsWith('{')).length;
    for (const [method, operation] of Object.entries(item)) {
      if (!operation || typeof operation !== 'object' || !('operationId' in operation)) continue;
      routes.push({
        method: method.toUpperCase(),
        template,
        regex: new RegExp(`^${pattern}$`),
        names,
        literals,
        operation,
        pointer: `api#/paths/${escapePointer(template)}/${method}/requestBody/content/application~1json/schema`,
      });
    }
  }
  // The most specific template wins: /issues/comments/{id} before /issues/{issue_number}/comments.
  routes.sort((a, b) => b.literals - a.literals);
  table = { routes, ajv, validators: new Map() };
  return table;
}

/** The operation GitHub would run for this request, or undefined when GitHub has no such route. */
export function matchRoute(method: string, pathname: string): Route | undefined {
  const { routes, ajv, validators } = load();
  for (const r of routes) {
    if (r.method !== method) continue;
    const m = r.regex.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1] as string)));
    const json = r.operation.requestBody?.content?.['application/json'];
    let validate: ValidateFunction | undefined;
    if (json?.schema) {
      validate = validators.get(r.pointer);
      if (!validate) {
        validate = ajv.compile({ $ref: r.pointer });
        validators.set(r.pointer, validate);
      }
    }
    return {
      method: r.method,
      template: r.template,
      operationId: r.operation.operationId,
      params,
      validate,
      bodyRequired: Boolean(r.operation.requestBody?.required),
    };
  }
  return undefined;
}

/** Whether some method exists for this path (GitHub answers 404 either way; this only sharpens our message). */
export function pathExists(pathname: string): boolean {
  return load().routes.some((r) => r.regex.test(pathname));
}
