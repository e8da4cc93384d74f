import { describe, expect, it } from 'vitest';
import { BadEventError, decide, toCloudEvent } from '../../src/service/build-event.js';
import { BUILD_ID, binaryMode, build, fixture, messagePublished, structuredMode } from './events.js';

const parse = (parts: { headers: Record<string, string>; body: string }) => toCloudEvent(parts.headers, parts.body);

describe('which build events start an ingest', () => {
  it('accepts a successful dc-pipeline build of this environment in binary mode', () => {
    const decision = decide(parse(binaryMode(messagePublished(build('SUCCESS', ['dc-pipeline', 'env-dev', 'sha-abc'])))), 'dev');
    expect(decision).toMatchObject({ kind: 'ingest', eventId: 'evt-1', build: { id: BUILD_ID, status: 'SUCCESS' } });
  });

  it('accepts the same build in structured mode', () => {
    const decision = decide(parse(structuredMode(messagePublished(build('SUCCESS', ['dc-pipeline', 'env-dev'])), 'evt-2')), 'dev');
    expect(decision).toMatchObject({ kind: 'ingest', eventId: 'evt-2' });
  });

  it('accepts a Cloud Build statusChanged event carrying the Build directly', () => {
    const decision = decide(parse(binaryMode(build('SUCCESS', ['dc-pipeline', 'env-dev']), 'evt-3', 'google.cloud.cloudbuild.build.v1.statusChanged')), 'dev');
    expect(decision.kind).toBe('ingest');
  });

  it('ignores a build of another environment', () => {
    const decision = decide(parse(binaryMode(messagePublished(build('SUCCESS', ['dc-pipeline', 'env-prod'])))), 'dev');
    expect(decision).toEqual({ kind: 'ignore', eventId: 'evt-1', reason: 'build is not tagged env-dev' });
  });

  it('ignores builds that did not succeed', () => {
    for (const status of ['QUEUED', 'WORKING', 'FAILURE', 'TIMEOUT', 'CANCELLED']) {
      expect(decide(parse(binaryMode(messagePublished(build(status, ['dc-pipeline', 'env-dev'])))), 'dev')).toMatchObject({
        kind: 'ignore',
        reason: `build status is ${status}, not SUCCESS`,
      });
    }
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
