/**
 * Which CloudEvents start an ingest. Eventarc delivers Cloud Build status changes from the `cloud-builds`
 * Pub/Sub topic as google.cloud.pubsub.topic.v1.messagePublished, the Build resource base64-encoded in
 * message.data. We ingest the `after-deploy` datasets when a deploy build of this environment succeeded:
 * status SUCCESS and tags that include the toolkit's tag, env-<environment> and the tag of a build that applies
 * (cloudbuild/apply.yaml, cloudbuild/plan-apply.yaml) — plan builds carry the first two as well.
 */
import { HTTP, type CloudEventV1 } from 'cloudevents';

export const PUBSUB_MESSAGE_PUBLISHED = 'google.cloud.pubsub.topic.v1.messagePublished';
export const BUILD_STATUS_CHANGED = 'google.cloud.cloudbuild.build.v1.statusChanged';
/** Every build the toolkit's Cloud Build configs start carries this tag (plus env-<environment>). */
export const PIPELINE_TAG = 'dc-pipeline';
/**
 * The tags of the configs that change the environment: `apply` (cloudbuild/apply.yaml, the reviewed plan) and
 * `plan-apply` (cloudbuild/plan-apply.yaml). cloudbuild/plan.yaml builds are tagged `plan` and deploy nothing.
 */
export const DEPLOY_TAGS: readonly string[] = ['apply', 'plan-apply'];

export interface BuildSummary {
  id?: string;
  status?: string;
  tags: string[];
}

export type EventDecision =
  | { kind: 'ingest'; eventId: string; build: BuildSummary }
  | { kind: 'ignore'; eventId: string; reason: string };

export class BadEventError extends Error {
  override readonly name = 'BadEventError';
}

/** Parse an HTTP request into one CloudEvent (binary or structured content mode). */
export function toCloudEvent(headers: Record<string, string | string[] | undefined>, body: string): CloudEventV1<unknown> {
  let parsed: CloudEventV1<unknown> | CloudEventV1<unknown>[];
  try {
    parsed = HTTP.toEvent<unknown>({ headers, body });
  } catch (error) {
    throw new BadEventError(`not a CloudEvent: ${(error as Error).message}`);
  }
  if (Array.isArray(parsed)) {
    if (parsed.length !== 1) throw new BadEventError(`expected one CloudEvent, got a batch of ${parsed.length}`);
    return parsed[0] as CloudEventV1<unknown>;
  }
  return parsed;
}

function asObject(data: unknown): Record<string, unknown> | undefined {
  if (data === undefined || data === null) return undefined;
  if (Buffer.isBuffer(data) || data instanceof Uint8Array) return asObject(Buffer.from(data).toString('utf8'));
  if (typeof data === 'string') {
    try {
      return asObject(JSON.parse(data));
    } catch {
      return undefined;
    }
  }
  return typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
}

function buildFrom(value: Record<string, unknown>): BuildSummary {
  const tags = Array.isArray(value.tags) ? value.tags.filter((t): t is string => typeof t === 'string') : [];
  return {
    ...(typeof value.id === 'string' ? { id: value.id } : {}),
    ...(typeof value.status === 'string' ? { status: value.status } : {}),
    tags,
  };
}

/** The Build inside the event, or a reason why there is none. */
export function buildOf(event: CloudEventV1<unknown>): BuildSummary | string {
  const data = asObject(event.data ?? event.data_base64);
  if (!data) return 'the event has no JSON data';
  if (event.type === BUILD_STATUS_CHANGED) return buildFrom(data);
  if (event.type !== PUBSUB_MESSAGE_PUBLISHED) return `event type ${event.type} is not handled`;
  const message = asObject(data.message);
  if (!message || typeof message.data !== 'string') return 'the Pub/Sub message has no data';
  const build = asObject(Buffer.from(message.data, 'base64').toString('utf8'));
  if (!build) return 'the Pub/Sub message data is not a JSON Build';
  return buildFrom(build);
}

export function decide(event: CloudEventV1<unknown>, environment: string): EventDecision {
  const eventId = event.id;
  const build = buildOf(event);
  if (typeof build === 'string') return { kind: 'ignore', eventId, reason: build };
  const envTag = `env-${environment}`;
  if (build.status !== 'SUCCESS') return { kind: 'ignore', eventId, reason: `build status is ${build.status ?? 'missing'}, not SUCCESS` };
  if (!build.tags.includes(PIPELINE_TAG)) return { kind: 'ignore', eventId, reason: `build is not tagged ${PIPELINE_TAG}` };
  if (!build.tags.includes(envTag)) return { kind: 'ignore', eventId, reason: `build is not tagged ${envTag}` };
  if (!DEPLOY_TAGS.some((tag) => build.tags.includes(tag))) {
    return { kind: 'ignore', eventId, reason: `build is not a deploy (tagged neither ${DEPLOY_TAGS.join(' nor ')})` };
  }
  return { kind: 'ingest', eventId, build };
}
