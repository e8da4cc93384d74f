/**
 * The reviewed-plan chain on both object stores: what the plan action publishes, the apply finds and verifies
 * byte for byte — and every way a plan that nobody reviewed is refused before anything runs.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { findReviewedPlan, MissingReviewedPlanError, TamperedPlanError } from '../../src/reviewed-plan/fetch.js';
import { parseManifest, planFolder, type PlanKey, type PlanLocation } from '../../src/reviewed-plan/manifest.js';
import { publishReviewedPlan, type PublishInput } from '../../src/reviewed-plan/publish.js';
import { createGcsStore } from '../../src/storage/gcs.js';
import { createLocalStore } from '../../src/storage/local.js';
import type { ObjectStore } from '../../src/storage/object-store.js';
import { startGcsServer, type GcsServer } from '../servers/gcs.js';

const HEAD = 'a'.repeat(40);
const key: PlanKey = { repository: 'octo/infra', environment: 'dev', pullRequest: 12, headSha: HEAD };
const location: PlanLocation = { bucket: 'plans', prefix: 'reviewed' };
const FOLDER = `reviewed/octo/infra/dev/pr-12/${HEAD}/`;

function input(plan = 'binary plan v1', overrides: Partial<PublishInput> = {}): PublishInput {
  return {
    key,
    workingDirectory: 'terraform/envs/dev',
    terraformVersion: '1.11.4',
    plan: Buffer.from(plan),
    planJson: '{"format_version":"1.2"}',
    lockFile: Buffer.from('# lock'),
    now: new Date('2026-01-02T03:04:05Z'),
    ...overrides,
  };
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('planFolder', () => {
  it('lays plans out by owner, repo, environment, PR and head SHA under the prefix', () => {
    expect(planFolder(location, key)).toBe(FOLDER);
    expect(planFolder({ bucket: 'plans', prefix: '' }, key)).toBe(`octo/infra/dev/pr-12/${HEAD}/`);
  });

  it.each([
    [{ repository: 'octo' }, /not of the form owner\/repo/],
    [{ repository: 'octo/infra/x' }, /not of the form owner\/repo/],
    [{ headSha: 'abc123' }, /not a full 40-character SHA/],
    [{ environment: '..' }, /environment "\.\." cannot be used/],
    [{ environment: 'dev/../prod' }, /environment "dev\/\.\.\/prod" cannot be used/],
  ])('refuses a key that could escape its folder or collide: %o', (change, message) => {
    expect(() => planFolder(location, { ...key, ...change })).toThrow(message);
  });
});

describe('parseManifest', () => {
  it('refuses text that is not JSON, a manifest of another version, and a malformed sha256', () => {
    expect(() => parseManifest('nope', 'gs://x/m')).toThrow('gs://x/m is not valid JSON');
    expect(() => parseManifest('{"version":2}', 'gs://x/m')).toThrow(/not a version 1 manifest \(missing planSha256, repository/);
    const good = { version: 1, planSha256: 'f'.repeat(64), repository: 'o/r', headSha: HEAD, environment: 'dev', planObject: 'p', pullRequest: 1 };
    expect(parseManifest(JSON.stringify(good), 'm').planSha256).toBe('f'.repeat(64));
    expect(() => parseManifest(JSON.stringify({ ...good, planSha256: 'F'.repeat(64) }), 'm')).toThrow('invalid planSha256');
    expect(() => parseManifest(JSON.stringify({ ...good, pullRequest: '1' }), 'm')).toThrow(UserError);
  });
});

/** The same behaviour on the local folder store and on GCS (the real client against the loopback server). */
describe.each([
  ['a local folder', 'local'],
  ['GCS', 'gcs'],
] as const)('the reviewed-plan chain on %s', (_label, kind) => {
  let gcs: GcsServer | undefined;
  let dir: string;
  let store: ObjectStore;
  const raw = {
    put: async (name: string, data: string) => {
      if (gcs) gcs.putObject('plans', name, data);
      else {
        const { writeFile, mkdir } = await import('node:fs/promises');
        const file = path.join(dir, 'plans', name);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, data);
        await rm(path.join(dir, '.meta', 'plans', `${name}.json`), { force: true });
      }
    },
  };

  beforeAll(async () => {
    if (kind === 'gcs') gcs = await startGcsServer();
  });
  afterAll(async () => gcs?.close());
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dcp-reviewed-'));
    if (gcs) {
      for (const o of gcs.listObjects('plans')) gcs.deleteObject('plans', o.name);
      gcs.createBucket('plans');
      store = createGcsStore({ env: { STORAGE_EMULATOR_HOST: gcs.url } });
    } else {
      store = createLocalStore(dir);
    }
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('publishes plan, JSON and manifest, and the apply finds exactly that plan with its sha256', async () => {
    const published = await publishReviewedPlan(store, location, input());
    expect(published.created).toBe(true);
    expect(published.uri).toBe(`${store.uri('plans', FOLDER.slice(0, -1))}/`);
    expect(published.uri.endsWith(`/dev/pr-12/${HEAD}/`)).toBe(true);
    expect(published.manifest).toMatchObject({
      version: 1,
      planSha256: sha('binary plan v1'),
      planJsonSha256: sha('{"format_version":"1.2"}'),
      lockFileSha256: sha('# lock'),
      repository: 'octo/infra',
      pullRequest: 12,
      headSha: HEAD,
      environment: 'dev',
      workingDirectory: 'terraform/envs/dev',
      terraformVersion: '1.11.4',
      createdAt: '2026-01-02T03:04:05.000Z',
      planObject: `${FOLDER}plan.tfplan`,
      planJsonObject: `${FOLDER}plan.json`,
    });
    expect((await store.list('plans', FOLDER)).map((o) => o.name).sort()).toEqual(
      ['manifest.json', 'plan.json', 'plan.tfplan'].map((n) => FOLDER + n),
    );
    const found = await findReviewedPlan(store, location, key);
    expect(found.manifest).toEqual(published.manifest);
    expect(found.planUri).toBe(store.uri('plans', `${FOLDER}plan.tfplan`));
    if (kind === 'gcs') expect(found.planUri).toBe(`gs://plans/${FOLDER}plan.tfplan`);
  });

  it('keeps the first plan of a commit when the plan job re-runs (write-once), and says it did not write', async () => {
    await publishReviewedPlan(store, location, input('first'));
    const again = await publishReviewedPlan(store, location, input('second'));
    expect(again.created).toBe(false);
    expect(again.manifest.planSha256).toBe(sha('first'));
    expect((await findReviewedPlan(store, location, key)).manifest.planSha256).toBe(sha('first'));
  });

  it('completes a publish that died after the plan but before the manifest, when the leftover plan is identical', async () => {
    await raw.put(`${FOLDER}plan.tfplan`, 'binary plan v1');
    const published = await publishReviewedPlan(store, location, input('binary plan v1'));
    expect(published.created).toBe(true);
    await expect(findReviewedPlan(store, location, key)).resolves.toMatchObject({ manifest: { planSha256: sha('binary plan v1') } });
  });

  it('refuses to publish over a leftover plan file with different bytes', async () => {
    await raw.put(`${FOLDER}plan.tfplan`, 'someone else');
    await expect(publishReviewedPlan(store, location, input('mine'))).rejects.toThrow(/A different plan file already exists/);
    expect(await store.stat('plans', `${FOLDER}manifest.json`)).toBeUndefined();
  });

  it('says in one sentence which PR, SHA and environment have no reviewed plan', async () => {
    await publishReviewedPlan(store, location, input());
    const error = await findReviewedPlan(store, location, { ...key, headSha: 'b'.repeat(40) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingReviewedPlanError);
    const message = (error as Error).message;
    expect(message).toContain(`No reviewed plan for PR #12 at ${'b'.repeat(40)} in environment "dev"`);
    expect(message.replace(/\(looked for [^)]*\)/, '').match(/\.(\s|$)/g)).toHaveLength(1);
    await expect(findReviewedPlan(store, location, { ...key, environment: 'prod' })).rejects.toThrow(MissingReviewedPlanError);
  });

  it('refuses a plan whose bytes no longer match the reviewed sha256', async () => {
    await publishReviewedPlan(store, location, input());
    if (gcs) gcs.deleteObject('plans', `${FOLDER}plan.tfplan`);
    else await rm(path.join(dir, 'plans', FOLDER, 'plan.tfplan'));
    await raw.put(`${FOLDER}plan.tfplan`, 'binary plan v2 (not reviewed)');
    const error = await findReviewedPlan(store, location, key).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TamperedPlanError);
    expect((error as Error).message).toContain(`has sha256 ${sha('binary plan v2 (not reviewed)')}, but the reviewed plan had ${sha('binary plan v1')}`);
  });

  it.each([
    ['another PR', { pullRequest: 13 }, 'names pull request "13", expected "12"'],
    ['another environment', { environment: 'prod' }, 'names environment "prod", expected "dev"'],
    ['a plan in another folder', { planObject: 'reviewed/octo/infra/dev/pr-11/x/plan.tfplan' }, 'names planObject "reviewed/octo/infra/dev/pr-11/x/plan.tfplan"'],
  ])('refuses a manifest that names %s', async (_what, change, message) => {
    const published = await publishReviewedPlan(store, location, input());
    if (gcs) gcs.deleteObject('plans', `${FOLDER}manifest.json`);
    else await rm(path.join(dir, 'plans', FOLDER, 'manifest.json'));
    await raw.put(`${FOLDER}manifest.json`, JSON.stringify({ ...published.manifest, ...change }));
    await expect(findReviewedPlan(store, location, key)).rejects.toThrow(message);
    await expect(findReviewedPlan(store, location, key)).rejects.toBeInstanceOf(TamperedPlanError);
  });

  it('refuses a manifest whose plan object is gone', async () => {
    await publishReviewedPlan(store, location, input());
    if (gcs) gcs.deleteObject('plans', `${FOLDER}plan.tfplan`);
    else await rm(path.join(dir, 'plans', FOLDER, 'plan.tfplan'));
    await expect(findReviewedPlan(store, location, key)).rejects.toThrow(/which does not exist; refusing to apply/);
  });
});
