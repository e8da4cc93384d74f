import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAllConfigs, relative, stringsIn, type TerraformConfig } from './terraform-tree.js';

const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'depends_on', 'providers']);

let configs: TerraformConfig[];
const byDir = new Map<string, TerraformConfig>();

beforeAll(async () => {
  configs = await loadAllConfigs();
  for (const c of configs) byDir.set(c.dir, c);
});

function moduleCalls(): { caller: TerraformConfig; name: string; body: Record<string, unknown>; target: TerraformConfig | undefined }[] {
  return configs.flatMap((caller) =>
    caller.modules.map((m) => ({
      caller,
      name: m.name,
      body: m.body,
      target: byDir.get(path.resolve(caller.dir, String(m.body.source))),
    })),
  );
}

/** Everything a configuration evaluates: where var./local./module. references can appear. */
function expressions(c: TerraformConfig): string[] {
  return stringsIn([
    c.resources.map((b) => b.body),
    c.dataSources.map((b) => b.body),
    c.modules.map((b) => b.body),
    c.outputs.map((b) => b.body),
    c.variables.map((b) => b.body.validation ?? []),
    c.locals,
    // check blocks are not collected separately; their text is in sources.
  ]);
}

describe('module calls', () => {
  it('point at a module directory of this repository', () => {
    const broken = moduleCalls().filter((c) => !c.target).map((c) => `${relative(c.caller.dir)}: module.${c.name} → ${String(c.body.source)}`);
    expect(moduleCalls().length).toBeGreaterThanOrEqual(10);
    expect(broken).toEqual([]);
  });

  it('pass only variables the module declares and every variable it requires', () => {
    const problems: string[] = [];
    for (const call of moduleCalls()) {
      if (!call.target) continue;
      const declared = new Map(call.target.variables.map((v) => [v.name, v.body]));
      const passed = Object.keys(call.body).filter((k) => !MODULE_META.has(k));
      for (const key of passed) if (!declared.has(key)) problems.push(`${relative(call.caller.dir)}: module.${call.name} passes undeclared "${key}"`);
      for (const [name, body] of declared) {
        if (!('default' in body) && !passed.includes(name)) problems.push(`${relative(call.caller.dir)}: module.${call.name} misses required "${name}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('read only outputs the module declares', () => {
    const problems: string[] = [];
    for (const caller of configs) {
      const targets = new Map(moduleCalls().filter((c) => c.caller === caller).map((c) => [c.name, c.target]));
      for (const text of expressions(caller)) {
        for (const m of text.matchAll(/\bmodule\.([a-z0-9_-]+)(?:\[[^\]]*\])?\.([a-z0-9_]+)/g)) {
          const [, name, output] = m as unknown as [string, string, string];
          const target = targets.get(name);
          if (!target) problems.push(`${relative(caller.dir)}: module.${name} is not called here`);
          else if (!target.outputs.some((o) => o.name === output)) problems.push(`${relative(caller.dir)}: module.${name} has no output "${output}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('inside each configuration', () => {
  it('every var. and local. reference is declared', () => {
    const problems: string[] = [];
    for (const c of configs) {
      const variables = new Set(c.variables.map((v) => v.name));
      const locals = new Set(Object.keys(c.locals));
      const text = [...expressions(c), ...Object.values(c.sources).flatMap((s) => [...s.matchAll(/condition\s*=\s*(.+)/g)].map((m) => m[1]!))];
      for (const t of text) {
        for (const m of t.matchAll(/\bvar\.([a-z0-9_]+)/g)) if (!variables.has(m[1]!)) problems.push(`${relative(c.dir)}: var.${m[1]} is not declared`);
        for (const m of t.matchAll(/\blocal\.([a-z0-9_]+)/g)) if (!locals.has(m[1]!)) problems.push(`${relative(c.dir)}: local.${m[1]} is not declared`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('every variable has a type and a description, and no type is any', () => {
    const problems: string[] = [];
    for (const c of configs) {
      for (const v of c.variables) {
        const where = `${relative(c.dir)}: variable "${v.name}"`;
        if (typeof v.body.type !== 'string') problems.push(`${where} has no type`);
        else if (/\bany\b/.test(v.body.type)) problems.push(`${where} uses any`);
        if (typeof v.body.description !== 'string' || v.body.description.length < 10) problems.push(`${where} has no description`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every output has a description', () => {
    const problems = configs.flatMap((c) =>
      c.outputs.filter((o) => typeof o.body.description !== 'string' || !o.body.description).map((o) => `${relative(c.dir)}: output "${o.name}"`),
    );
    expect(problems).toEqual([]);
  });

  it('every validation has its own message naming the variable it checks', () => {
    const problems: string[] = [];
    for (const c of configs) {
      for (const v of c.variables) {
        for (const validation of (v.body.validation ?? []) as { condition: string; error_message: string }[]) {
          if (!validation.condition.includes(`var.${v.name}`)) problems.push(`${relative(c.dir)}: ${v.name}: condition does not test var.${v.name}`);
          if (!validation.error_message.includes(v.name) && !validation.error_message.toLowerCase().includes(v.name.replace(/_/g, ' ')))
            problems.push(`${relative(c.dir)}: ${v.name}: message "${validation.error_message}" does not name the variable`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('each module', () => {
  const modules = ['ingest_service', 'dataflow_job', 'data_platform', 'github_cicd', 'monitoring'];

  it('has main.tf, variables.tf, outputs.tf, versions.tf pinning hashicorp/google, and an example', () => {
    const problems: string[] = [];
    for (const m of modules) {
      const c = configs.find((x) => relative(x.dir) === `terraform/modules/${m}`);
      if (!c) {
        problems.push(`${m}: missing`);
        continue;
      }
      for (const f of ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf']) if (!(f in c.sources)) problems.push(`${m}: no ${f}`);
      if (!/source\s*=\s*"hashicorp\/google"/.test(c.sources['versions.tf'] ?? '') || !/version\s*=\s*"[^"]*\d+\.\d+/.test(c.sources['versions.tf'] ?? ''))
        problems.push(`${m}: versions.tf does not pin hashicorp/google`);
      if (!configs.some((x) => relative(x.dir).startsWith(`terraform/modules/${m}/examples/`))) problems.push(`${m}: no example`);
    }
    expect(problems).toEqual([]);
  });
});
