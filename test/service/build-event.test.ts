import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBuildTags } from '../../src/cloudbuild/attach.js';
import { loadBuildConfig } from '../../src/cloudbuild/build-config.js';
import { BadEventError, decide, toCloudEvent } from '../../src/service/build-event.js';
import { BUILD_ID, binaryMode, build, fixture, messagePublished, structuredMode } from './events.js';

const parse = (parts: { headers: Record<string, string>; body: string }) => toCloudEvent(parts.headers, parts.body);

describe('which build events start an ingest', () => {
  it('accepts a successful dc-pipeline apply build of this environment in binary mode', () => {
    const decision = decide(parse(binaryMode(messagePublished(build('SUCCESS', ['dc-pipeline', 'apply', 'env-dev', 'sha-abc'])))), 'dev');
    expect(decision).toMatchObject({ kind: 'ingest', eventId: 'evt-1', build: { id: BUILD_ID, status: 'SUCCESS' } });
  });

  it('accepts the same build in structured mode', () => {
    const decision = decide(parse(structuredMode(messagePublished(build('SUCCESS', ['dc-pipeline', 'apply', 'env-dev'])), 'evt-2')), 'dev');
    expect(decision).toMatchObject({ kind: 'ingest', eventId: 'evt-2' });
  });

  it('accepts a Cloud Build statusChanged event carrying the Build directly', () => {
    const decision = decide(parse(binaryMode(build('SUCCESS', ['dc-pipeline', 'apply', 'env-dev']), 'evt-3', 'google.cloud.cloudbuild.build.v1.statusChanged')), 'dev');
    expect(decision.kind).toBe('ingest');
  });

  it('ignores a build of another environment', () => {
    const decision = decide(parse(binaryMode(messagePublished(build('SUCCESS', ['dc-pipeline', 'apply', 'env-prod'])))), 'dev');
    expect(decision).toEqual({ kind: 'ignore', eventId: 'evt-1', reason: 'build is not tagged env-dev' });
  });

  it('ignores builds that did not succeed', () => {
    for (const status of ['QUEUED', 'WORKING', 'FAILURE', 'TIMEOUT', 'CANCELLED']) {
      expect(decide(parse(binaryMode(messagePublished(build(status, ['dc-pipeline', 'apply', 'env-dev'])))), 'dev')).toMatchObject({
        kind: 'ignore',
        reason: `build status is ${status}, not SUCCESS`,
      });
    }
  });

  it('ignores a successful build of this environment that does not apply (a plan build)', () => {
    const decision = decide(parse(binaryMode(messagePublished(build('SUCCESS', ['dc-pipeline', 'plan', 'env-dev'])))), 'dev');
    expect(decision).toEqual({ kind: 'ignore', eventId: 'evt-1', reason: 'build is not a deploy (tagged neither apply nor plan-apply)' });
  });

  it('ignores the fixture build as published (its tags are not ours)', () => {
    const decision = decide(parse(binaryMode(messagePublished(fixture('BuildEventData-complex.json')))), 'dev');
    expect(decision).toMatchObject({ kind: 'ignore', reason: 'build is not tagged dc-pipeline' });
  });

  it('ignores a Pub/Sub message that is not a Build (the real text fixture)', () => {
    expect(decide(parse(binaryMode(fixture('MessagePublishedData-text.json'))), 'dev')).toMatchObject({
      kind: 'ignore',
      reason: 'the Pub/Sub message data is not a JSON Build',
    });
    expect(decide(parse(binaryMode(fixture('MessagePublishedData-binary.json'))), 'dev').kind).toBe('ignore');
  });

  it('ignores other event types', () => {
    const decision = decide(parse(binaryMode({}, 'evt-9', 'google.cloud.storage.object.v1.finalized')), 'dev');
    expect(decision).toMatchObject({ kind: 'ignore' });
  });

  it('refuses a request that is not a CloudEvent', () => {
    expect(() => toCloudEvent({ 'content-type': 'application/json' }, '{"dataset":"x"}')).toThrow(BadEventError);
  });
});

/** The tags Cloud Build gives a build of one of our configs: the config's own, substituted, plus the action's. */
async function tagsOfBuild(config: string, extra: readonly string[] = []): Promise<string[]> {
  const values: Record<string, string> = { _ENV: 'dev', _PR_NUMBER: '42', _COMMIT_SHA: 'c0ffee1234567890' };
  const tags = (await loadBuildConfig(join(import.meta.dirname, '..', '..', 'cloudbuild', config))).tags ?? [];
  const substituted = tags.map((tag) => tag.replace(/\$\{?(_[A-Z0-9_]+)\}?/g, (_m, name: string) => values[name] ?? ''));
  return [...new Set([...substituted, ...extra])];
}

describe('which of our own Cloud Build configs start an ingest', () => {
  const successOf = (tags: string[]) => parse(binaryMode(messagePublished(build('SUCCESS', tags))));
  const byTheApplyAction = applyBuildTags({ environment: 'dev', runId: '9001', commitSha: 'c0ffee1234567890' });

  it('ingests after a successful apply.yaml or plan-apply.yaml build started by the apply action', async () => {
    for (const config of ['apply.yaml', 'plan-apply.yaml']) {
      expect(decide(successOf(await tagsOfBuild(config, byTheApplyAction)), 'dev').kind, config).toBe('ingest');
    }
  });

  it('ingests after an apply.yaml build started by a trigger (only the config tags)', async () => {
    expect(decide(successOf(await tagsOfBuild('apply.yaml')), 'dev').kind).toBe('ingest');
  });

  it('ignores a successful plan.yaml build of the same environment', async () => {
    const tags = await tagsOfBuild('plan.yaml');
    expect(tags).toEqual(expect.arrayContaining(['dc-pipeline', 'env-dev']));
    expect(decide(successOf(tags), 'dev')).toMatchObject({ kind: 'ignore', reason: 'build is not a deploy (tagged neither apply nor plan-apply)' });
  });

  it('ignores a successful ingest-image.yaml build', async () => {
    expect(decide(successOf(await tagsOfBuild('ingest-image.yaml')), 'dev')).toMatchObject({ kind: 'ignore' });
  });

  it('ignores an apply build of another environment', async () => {
    expect(decide(successOf(await tagsOfBuild('apply.yaml')), 'prod')).toMatchObject({ kind: 'ignore', reason: 'build is not tagged env-prod' });
  });
});
