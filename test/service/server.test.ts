import { afterEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createIngestService, type IngestService } from '../../src/service/server.js';
import type { Catalog, DatasetSpec } from '../../src/ingest/dataset.js';
import type { IngestReport } from '../../src/ingest/report.js';
import { UserError } from '../../src/errors.js';
import { weatherDataset } from '../ingest/pipeline-support.js';
import { binaryMode, build, messagePublished, structuredMode } from './events.js';

const catalog: Catalog = {
  file: 'datasets.yaml',
  datasets: [
    weatherDataset({ name: 'weather', runsOn: ['after-deploy'] }),
    weatherDataset({ name: 'cars', runsOn: ['dispatch'] }),
    weatherDataset({ name: 'stocks', runsOn: ['dispatch', 'after-deploy'] }),
  ],
};

function reportFor(dataset: DatasetSpec): IngestReport {
  return {
    dataset: dataset.name,
    dryRun: false,
    source: dataset.source.url,
    sha256: '0'.repeat(64),
    rows: 5,
    badRows: 0,
    bytes: 100,
    stagedNow: true,
    load: { path: 'bigquery', outcome: 'loaded', jobId: 'j', table: 't' },
    durationsMs: {},
    firstProblems: [],
  };
}

let service: IngestService | undefined;
afterEach(async () => {
  await service?.drain();
  service = undefined;
});

async function start(ingest: (d: DatasetSpec, labels: Record<string, string>) => Promise<IngestReport>) {
  const logs: Record<string, unknown>[] = [];
  const watchers: (() => void)[] = [];
  /** Resolves once `count` log lines match: the service's own signal that it got that far. */
  const logged = (match: (line: Record<string, unknown>) => boolean, count = 1) =>
    new Promise<void>((resolve) => {
      const check = () => logs.filter(match).length >= count && (resolve(), true);
      if (!check()) watchers.push(check);
    });
  const calls: { dataset: string; labels: Record<string, string> }[] = [];
  service = createIngestService({
    catalog,
    environment: 'dev',
    log: (e) => {
      logs.push(e);
      for (const watch of [...watchers]) watch();
    },
    ingest: (d, labels) => {
      calls.push({ dataset: d.name, labels });
      return ingest(d, labels);
    },
  });
  await new Promise<void>((resolve) => service!.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}`;
  return { url, logs, logged, calls, svc: service };
}

const post = (url: string, parts: { headers: Record<string, string>; body: string }) =>
  fetch(url, { method: 'POST', headers: parts.headers, body: parts.body });

describe('the ingest service', () => {
  it('answers health checks', async () => {
    const { url } = await start(async (d) => reportFor(d));
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('ingests the after-deploy datasets when a matching build succeeded (binary and structured mode)', async () => {
    const { url, calls } = await start(async (d) => reportFor(d));
    const event = messagePublished(build('SUCCESS', ['dc-pipeline', 'apply', 'env-dev']));
    for (const parts of [binaryMode(event), structuredMode(event)]) {
      const res = await post(url, parts);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { results: { dataset: string; status: string }[] };
      expect(body.results.map((r) => [r.dataset, r.status])).toEqual([
        ['weather', 'succeeded'],
        ['stocks', 'succeeded'],
      ]);
    }
    expect(calls.map((c) => c.dataset)).toEqual(['weather', 'stocks', 'weather', 'stocks']);
    expect(calls[0]?.labels).toMatchObject({ trigger: 'after-deploy', build_id: expect.any(String) });
  });

  it('answers copies of an event that arrive while it is being handled with its result, running its ingests once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const first = new Promise<void>((resolve) => (started = resolve));
    const { url, calls, logs, logged } = await start(async (d) => {
      started();
      await gate;
      return reportFor(d);
    });
    const event = messagePublished(build('SUCCESS', ['dc-pipeline', 'apply', 'env-dev']));
    const copies = [post(url, binaryMode(event, 'evt-dup'))];
    await first;
    copies.push(...Array.from({ length: 4 }, () => post(url, binaryMode(event, 'evt-dup'))));
    // Another event (another id) is not a copy: it runs its own ingests.
    const other = post(url, binaryMode(event, 'evt-other'));
    await logged((l) => l.event === 'event_joined', 4);
    release();

    const answers = await Promise.all(
      copies.map(async (pending) => {
        const r = await pending;
        return { status: r.status, body: await r.json() };
      }),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify(answers[0])]));
    expect(answers[0]?.status).toBe(200);
    expect((await other).status).toBe(200);
    expect(calls.map((c) => c.dataset).sort()).toEqual(['stocks', 'stocks', 'weather', 'weather']);
    expect(logs.filter((l) => l.event === 'event_joined' && l.ce_id === 'evt-dup')).toHaveLength(4);
  });

  it('answers 204 and logs why when the event does not match', async () => {
    const { url, calls, logs } = await start(async (d) => reportFor(d));
    const res = await post(url, binaryMode(messagePublished(build('FAILURE', ['dc-pipeline', 'apply', 'env-dev'])), 'evt-77'));
    expect(res.status).toBe(204);
    expect(calls).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'event_ignored', ce_id: 'evt-77', reason: 'build status is FAILURE, not SUCCESS' }));
  });

  it('runs no ingest after a successful plan build of its environment', async () => {
    const { url, calls, logs } = await start(async (d) => reportFor(d));
    const res = await post(url, binaryMode(messagePublished(build('SUCCESS', ['dc-pipeline', 'plan', 'env-dev'])), 'evt-plan'));
    expect(res.status).toBe(204);
    expect(calls).toEqual([]);
    expect(logs).toContainEqual(
      expect.objectContaining({ event: 'event_ignored', ce_id: 'evt-plan', reason: 'build is not a deploy (tagged neither apply nor plan-apply)' }),
    );
  });

  it('answers 400 to a request that is not a CloudEvent', async () => {
    const { url } = await start(async (d) => reportFor(d));
    const res = await post(url, { headers: { 'content-type': 'application/json' }, body: '{"hello":1}' });
    expect(res.status).toBe(400);
  });

  it('asks Pub/Sub to redeliver only failures a retry can fix', async () => {
    const event = messagePublished(build('SUCCESS', ['dc-pipeline', 'apply', 'env-dev']));
    const transient = await start(async () => {
      throw new Error('socket hang up');
    });
    expect((await post(transient.url, binaryMode(event))).status).toBe(500);
    await transient.svc.drain();

    const permanent = await start(async () => {
      throw new UserError('12 bad rows, more than max-bad-rows (10)');
    });
    const res = await post(permanent.url, binaryMode(event));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ results: [{ dataset: 'weather', status: 'failed', error: '12 bad rows, more than max-bad-rows (10)' }, { status: 'failed' }] });
  });

  it('runs POST /ingest for a named dataset and reports it', async () => {
    const { url, calls } = await start(async (d) => reportFor(d));
    const res = await fetch(`${url}/ingest`, { method: 'POST', body: JSON.stringify({ dataset: 'cars' }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ dataset: 'cars', rows: 5, load: { jobId: 'j' } });
    expect(calls).toEqual([{ dataset: 'cars', labels: { trigger: 'request' } }]);
  });

  it('names the known datasets when POST /ingest asks for an unknown one', async () => {
    const { url } = await start(async (d) => reportFor(d));
    const res = await fetch(`${url}/ingest`, { method: 'POST', body: JSON.stringify({ dataset: 'nope' }) });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toBe('dataset "nope" is not in datasets.yaml; known: weather, cars, stocks');
    expect((await fetch(`${url}/ingest`, { method: 'POST', body: 'not json' })).status).toBe(400);
  });

  it('finishes the in-flight ingest when draining, and refuses new connections meanwhile', async () => {
    let release!: () => void;
    let signalStarted!: () => void;
    const started = new Promise<void>((resolve) => (signalStarted = resolve));
    const running = await start(
      (d) =>
        new Promise<IngestReport>((resolve) => {
          release = () => resolve(reportFor(d));
          signalStarted();
        }),
    );
    const inFlight = fetch(`${running.url}/ingest`, { method: 'POST', body: JSON.stringify({ dataset: 'cars' }) });
    await started;

    let drained = false;
    const draining = running.svc.drain().then(() => (drained = true));
    const refused = await fetch(`${running.url}/healthz`).then((r) => r.status, () => 'refused');
    expect(refused).toBe('refused');
    expect(drained).toBe(false);

    release();
    expect((await inFlight).status).toBe(200);
    await draining;
    expect(drained).toBe(true);
  });
});
