import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  BuildConfigError,
  buildConfigSchema,
  loadBuildConfig,
  parseBuildConfig,
  prepareBuild,
} from '../../src/cloudbuild/build-config.js';

const repoConfigs = path.resolve('cloudbuild');
const configFiles = readdirSync(repoConfigs).filter((f) => f.endsWith('.yaml'));

function parseError(yaml: string): string {
  try {
    parseBuildConfig(yaml, 'cloudbuild/test.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(BuildConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be refused');
}

describe('the repository cloudbuild/*.yaml', () => {
  it('has the four configs', () => {
    expect(configFiles.sort()).toEqual(['apply.yaml', 'ingest-image.yaml', 'plan-apply.yaml', 'plan.yaml']);
  });

  it.each(configFiles)('%s loads strictly, with an id and a timeout on every step, pinned images and tags', async (file) => {
    const build = await loadBuildConfig(path.join(repoConfigs, file));
    for (const step of build.steps ?? []) {
      expect(step.id, `a step of ${file} has no id`).toBeTruthy();
      expect(step.timeout?.seconds, `step ${step.id} of ${file} has no timeout`).toBeGreaterThan(0);
      // Builder images come from substitutions whose defaults are pinned versions.
      const image = /^\$_([A-Z_]+)$/.exec(step.name ?? '');
      expect(image, `step ${step.id} of ${file} names its image directly`).not.toBeNull();
      const pinned = build.substitutions?.[`_${image?.[1]}`] ?? '';
      expect(pinned).toMatch(/:\d+\.\d+(\.\d+)?[\w.-]*$/);
    }
    expect(build.timeout?.seconds).toBeGreaterThan(0);
    expect(build.tags).toContain('dc-pipeline');
    expect(build.tags?.some((t) => t.startsWith('env-') || t.startsWith('commit-'))).toBe(true);
    // Substitutions as Cloud Build will check them, with the defaults only.
    expect(() => prepareBuild(build, {}, file)).not.toThrow();
  });

  it('apply.yaml takes exactly the contract the apply action passes', async () => {
    const build = await loadBuildConfig(path.join(repoConfigs, 'apply.yaml'));
    const values = {
      _PLAN_URI: 'gs://plans/p/plan.tfplan',
      _PLAN_SHA256: 'a'.repeat(64),
      _ENV: 'dev',
      _WORKING_DIR: 'terraform/envs/dev',
      _PR_NUMBER: '42',
      _COMMIT_SHA: 'b'.repeat(40),
    };
    const prepared = prepareBuild(build, { substitutions: values, tags: ['gh-run-7'] }, 'apply.yaml');
    expect(prepared.substitutions).toMatchObject(values);
    expect(prepared.tags).toEqual(['dc-pipeline', 'apply', 'env-$_ENV', 'pr-$_PR_NUMBER', 'gh-run-7']);
    expect(build.steps?.map((s) => s.id)).toEqual(['fetch-plan', 'init', 'apply']);
    const scripts = (build.steps ?? []).map((s) => `${s.script ?? ''} ${(s.args ?? []).join(' ')}`).join('\n');
    expect(scripts).toContain('sha256sum -c');
    expect(scripts).not.toContain('-auto-approve');
    expect(scripts).toContain('Saved plan is stale');
  });
});

describe('parseBuildConfig strictness', () => {
  it('refuses an unknown key, naming it, its path, its line and the file', () => {
    const message = parseError('steps:\n  - name: bash\n    args: [echo]\n  - name: bash\n    entrypiont: sh\n');
    expect(message).toBe('cloudbuild/test.yaml: unknown key "entrypiont" at steps[1], line 5');
  });

  it('points a snake_case key at its camelCase spelling', () => {
    const message = parseError('steps:\n  - id: a\n    name: bash\n  - name: bash\n    wait_for: [a]\n');
    expect(message).toContain('unknown key "wait_for" at steps[1], line 5 (did you mean "waitFor"? Cloud Build keys are camelCase)');
  });

  it('refuses unknown keys at the top level and inside options', () => {
    expect(parseError('steps: [{name: bash}]\ntimout: 60s\n')).toContain('unknown key "timout" at the top level, line 2');
    expect(parseError('steps: [{name: bash}]\noptions:\n  loging: GCS_ONLY\n')).toContain('unknown key "loging" at options, line 3');
  });

  it('refuses an enum value Cloud Build does not have', () => {
    expect(parseError('steps: [{name: bash}]\noptions:\n  logging: GCS\n')).toMatch(/^cloudbuild\/test.yaml: options.logging, line 3: /);
  });

  it('refuses a duration that is not "<seconds>s"', () => {
    expect(parseError('steps: [{name: bash}]\ntimeout: 3600\n')).toContain('timeout, line 2: ');
    expect(parseError('steps: [{name: bash, timeout: 10m}]\n')).toContain('expected a duration in seconds like "600s"');
  });

  it('refuses duplicate keys and broken YAML with the line', () => {
    expect(parseError('steps: [{name: bash}]\ntimeout: 60s\ntimeout: 70s\n')).toMatch(/not valid YAML \(line 3\)/);
  });

  it('refuses a build without steps', () => {
    expect(parseError('steps: []\n')).toContain('a build needs at least one step');
  });

  it('refuses script together with args, a waitFor on an unknown step and a repeated id', () => {
    expect(parseError('steps: [{name: bash, script: "echo", args: [x]}]\n')).toContain('steps[0] sets script together with args/entrypoint');
    expect(parseError('steps: [{name: bash, id: a}, {name: bash, waitFor: [b]}]\n')).toContain('steps[1].waitFor names "b"');
    expect(parseError('steps: [{name: bash, id: a}, {name: bash, id: a}]\n')).toContain('steps[1].id "a" is used by an earlier step');
  });

  it('turns durations into google.protobuf.Duration and keeps everything else as written', () => {
    const build = parseBuildConfig(
      [
        'steps:',
        '  - {id: a, name: bash, args: [x], timeout: 1.5s, waitFor: ["-"], env: [A=1], dir: sub, secretEnv: [S]}',
        'timeout: 3600s',
        'queueTtl: 60s',
        'substitutions: {_X: "1"}',
        'availableSecrets: {secretManager: [{versionName: projects/p/secrets/s/versions/1, env: S}]}',
        'serviceAccount: projects/p/serviceAccounts/deployer@p.iam.gserviceaccount.com',
        'logsBucket: gs://logs',
        'images: [img]',
        'artifacts: {objects: {location: gs://out, paths: [a.txt]}}',
        'options: {machineType: E2_HIGHCPU_8, diskSizeGb: 100}',
      ].join('\n'),
      'x.yaml',
    );
    expect(build.timeout).toEqual({ seconds: 3600, nanos: 0 });
    expect(build.queueTtl).toEqual({ seconds: 60, nanos: 0 });
    expect(build.steps?.[0]).toMatchObject({ id: 'a', timeout: { seconds: 1, nanos: 500_000_000 }, waitFor: ['-'], dir: 'sub' });
    expect(build.options).toEqual({ machineType: 'E2_HIGHCPU_8', diskSizeGb: '100' });
    expect(build.availableSecrets?.secretManager?.[0]?.env).toBe('S');
    expect(build.logsBucket).toBe('gs://logs');
  });
});

describe('prepareBuild substitution checks', () => {
  const config = parseBuildConfig(
    'substitutions: {_ENV: dev}\nsteps:\n  - name: bash\n    args: [echo, "$_ENV", "${_PLAN_URI}", "$PROJECT_ID", "$$HOME"]\n',
    'cloudbuild/x.yaml',
  );

  it('accepts references that are built in, defaulted or provided, and escaped dollars', () => {
    const build = prepareBuild(config, { substitutions: { _PLAN_URI: 'gs://b/p' } }, 'cloudbuild/x.yaml');
    expect(build.substitutions).toEqual({ _ENV: 'dev', _PLAN_URI: 'gs://b/p' });
  });

  it('refuses a reference to a substitution nobody defines, naming where it is used', () => {
    expect(() => prepareBuild(config, {}, 'cloudbuild/x.yaml')).toThrow(
      'cloudbuild/x.yaml: $_PLAN_URI is used at steps[0].args[2] but is not a built-in substitution nor defined (define it under substitutions or pass it)',
    );
  });

  it('refuses a provided substitution that nothing uses, as Cloud Build does', () => {
    expect(() => prepareBuild(config, { substitutions: { _PLAN_URI: 'x', _TYPO: 'y' } }, 'cloudbuild/x.yaml')).toThrow(
      'substitution _TYPO is defined but never used',
    );
  });

  it('refuses a bare $NAME that is not built in, suggesting $$', () => {
    const bad = parseBuildConfig('steps: [{name: bash, args: ["$HOME"]}]\n', 'y.yaml');
    expect(() => prepareBuild(bad, {}, 'y.yaml')).toThrow('$HOME is used at steps[0].args[0] but is not a built-in substitution nor defined (write $$ for a literal $)');
  });

  it('skips the checks under ALLOW_LOOSE', () => {
    const loose = parseBuildConfig('steps: [{name: bash, args: ["$_NOPE"]}]\noptions: {substitutionOption: ALLOW_LOOSE}\n', 'z.yaml');
    expect(() => prepareBuild(loose, { substitutions: { _UNUSED: '1' } }, 'z.yaml')).not.toThrow();
  });

  it('fills source, tags, service account, logs bucket and timeout', () => {
    const build = prepareBuild(
      config,
      {
        substitutions: { _PLAN_URI: 'u' },
        tags: ['dc-pipeline', 'env-dev'],
        source: { bucket: 'src', object: 'source/abc.tgz', generation: '7' },
        serviceAccount: 'projects/p/serviceAccounts/d@p.iam.gserviceaccount.com',
        logsBucket: 'gs://logs',
        timeoutSeconds: 1200,
      },
      'x',
    );
    expect(build).toMatchObject({
      tags: ['dc-pipeline', 'env-dev'],
      source: { storageSource: { bucket: 'src', object: 'source/abc.tgz', generation: '7' } },
      logsBucket: 'gs://logs',
      timeout: { seconds: 1200, nanos: 0 },
    });
  });
});

describe('the accepted YAML keys', () => {
  // Walk the schema next to the Build message of the protos the client ships: a key we accept that the API does
  // not have would be dropped silently by the client's encoder.
  const require = createRequire(import.meta.url);
  const protos = require('@google-cloud/cloudbuild/build/protos/protos.json') as ProtoJson;
  const v1 = protos.nested.google.nested.devtools.nested.cloudbuild.nested.v1.nested;

  interface ProtoType {
    fields?: Record<string, { type: string; rule?: string; keyType?: string }>;
    values?: Record<string, number>;
    nested?: Record<string, ProtoType>;
  }
  interface ProtoJson {
    nested: { google: { nested: { devtools: { nested: { cloudbuild: { nested: { v1: { nested: Record<string, ProtoType> } } } } } } } };
  }

  function resolve(typeName: string, scope: ProtoType[]): ProtoType | undefined {
    const parts = typeName.split('.');
    for (const s of [...scope].reverse()) {
      let t: ProtoType | undefined = s;
      for (const p of parts) t = t?.nested?.[p];
      if (t) return t;
    }
    return undefined;
  }

  function unwrap(schema: z.ZodType): z.ZodType {
    let s = schema as z.ZodType & { unwrap?: () => z.ZodType; element?: z.ZodType };
    for (;;) {
      const type = (s as unknown as { def: { type: string } }).def.type;
      if (type === 'optional') s = s.unwrap!() as typeof s;
      else if (type === 'array') s = s.element as typeof s;
      else return s;
    }
  }

  function check(schema: z.ZodType, type: ProtoType, scope: ProtoType[], where: string, problems: string[]): void {
    const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
    for (const [key, value] of Object.entries(shape)) {
      const field = type.fields?.[key];
      if (!field) {
        problems.push(`${where}.${key} is not a field of the proto`);
        continue;
      }
      const inner = unwrap(value);
      const kind = (inner as unknown as { def: { type: string } }).def.type;
      const target = field.type.startsWith('google.protobuf.') ? undefined : resolve(field.type, [v1 as ProtoType, ...scope, type]);
      if (kind === 'object' && target) check(inner, target, [...scope, type], `${where}.${key}`, problems);
      if (kind === 'enum' && target?.values) {
        for (const option of (inner as unknown as { options: string[] }).options) {
          if (!(option in target.values)) problems.push(`${where}.${key} accepts ${option}, which the proto enum lacks`);
        }
      }
    }
  }

  it('exist in the Build message, down to nested fields and enum values', () => {
    const problems: string[] = [];
    const root = { nested: v1 } as ProtoType;
    check(buildConfigSchema, v1.Build as ProtoType, [root], 'Build', problems);
    expect(problems).toEqual([]);
  });
});
