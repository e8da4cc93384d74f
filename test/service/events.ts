/**
 * CloudEvents as Eventarc delivers them, built from the real payload fixtures in test/fixtures/cloudevents:
 * a Cloud Build `Build` JSON wrapped into a Pub/Sub MessagePublishedData (base64), in binary or structured mode.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'cloudevents');

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
}

export const BUILD_ID = '6f1b3c2e-8d4a-4e57-9c1b-2a3f4d5e6f70';

/** The complex Build fixture with status and tags set (and an id, which real builds always carry). */
export function build(status: string, tags: string[]): Record<string, unknown> {
  return { ...fixture('BuildEventData-complex.json'), id: BUILD_ID, status, tags };
}

/** Pub/Sub's envelope around a Build, as in MessagePublishedData-text.json. */
export function messagePublished(buildResource: Record<string, unknown>, messageId = '8371622912345'): Record<string, unknown> {
  const envelope = fixture('MessagePublishedData-text.json') as { message: Record<string, unknown>; subscription: string };
  return {
    ...envelope,
    message: {
      ...envelope.message,
      attributes: { buildId: String(buildResource.id ?? ''), status: String(buildResource.status ?? '') },
      data: Buffer.from(JSON.stringify(buildResource)).toString('base64'),
      messageId,
    },
  };
}

export interface HttpRequestParts {
  headers: Record<string, string>;
  body: string;
}

const SOURCE = '//pubsub.googleapis.com/projects/demo-project/topics/cloud-builds';

export function binaryMode(data: unknown, id = 'evt-1', type = 'google.cloud.pubsub.topic.v1.messagePublished'): HttpRequestParts {
  return {
    headers: {
      'content-type': 'application/json',
      'ce-id': id,
      'ce-source': SOURCE,
      'ce-specversion': '1.0',
      'ce-type': type,
      'ce-time': '2026-03-09T10:00:00.000Z',
    },
    body: JSON.stringify(data),
  };
}

export function structuredMode(data: unknown, id = 'evt-1', type = 'google.cloud.pubsub.topic.v1.messagePublished'): HttpRequestParts {
  return {
    headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' },
    body: JSON.stringify({
      specversion: '1.0',
      id,
      source: SOURCE,
      type,
      time: '2026-03-09T10:00:00.000Z',
      datacontenttype: 'application/json',
      data,
    }),
  };
}
