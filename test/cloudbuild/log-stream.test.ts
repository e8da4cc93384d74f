import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuildLogStream } from '../../src/cloudbuild/log-stream.js';
import type { Build } from '../../src/cloudbuild/build.js';
import { createGcsStore } from '../../src/storage/gcs.js';
import type { ObjectStore } from '../../src/storage/object-store.js';
import { createCloudBuild, type CloudBuildApi } from '../../src/cloudbuild/client.js';
import { waitForBuild } from '../../src/cloudbuild/wait.js';
import { startGcsServer, type GcsServer } from '../servers/gcs.js';
import { startCloudBuildServer, type CloudBuildServer } from '../servers/cloudbuild.js';

let gcs: GcsServer;
let store: ObjectStore;
let counter = 0;

beforeAll(async () => {
  gcs = await startGcsServer({ buckets: ['logs', 'secret-logs'] });
  store = createGcsStore({ env: { STORAGE_EMULATOR_HOST: gcs.url } });
});
afterAll(async () => {
  await gcs?.close();
});

/** A collector whose next(n) resolves once n lines in total have arrived. */
function lines() {
  const all: string[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  return {
    all,
    onLine(line: string) {
      all.push(line);
      for (const w of waiters.filter((x) => all.length >= x.n)) w.resolve();
    },
    until(n: number) {
      return all.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }));
    },
  };
}

function buildIn(bucket: string, extra: Build = {}): Build {
  counter++;
  return { id: `b${counter}`, logsBucket: `gs://${bucket}`, logUrl: `https://console/b${counter}`, ...extra };
}

describe('startBuildLogStream', () => {
  it('emits each line once it is complete, as the log grows, and the unterminated tail at the end', async () => {
    const build = buildIn('logs');
    const out = lines();
    const notices: string[] = [];
    const stream = startBuildLogStream({ store, build, onLine: out.onLine, onUnavailable: (m) => notices.push(m), intervalMs: 5 });
    const name = `log-${build.id}.txt`;
    gcs.appendToObject('logs', name, 'starting build\nStep #0: par');
    await out.until(1);
    expect(out.all).toEqual(['starting build']);
    gcs.appendToObject('logs', name, 'tial line\n');
    await out.until(2);
    // A two-byte character cut between two appends comes out whole.
    const e = Buffer.from('é');
    gcs.appendToObject('logs', name, Buffer.concat([Buffer.from('caf'), e.subarray(0, 1)]));
    gcs.appendToObject('logs', name, Buffer.concat([e.subarray(1), Buffer.from('\nDONE')]));
    await out.until(3);
    await stream.finish();
    expect(out.all).toEqual(['starting build', 'Step #0: partial line', 'café', 'DONE']);
    expect(stream.bytes).toBe(gcs.getObject('logs', name)?.data.length);
    expect(notices).toEqual([]);
  });

  it('waits quietly for a log that does not exist yet', async () => {
    const build = buildIn('logs');
    const out = lines();
    const notices: string[] = [];
    const stream = startBuildLogStream({ store, build, onLine: out.onLine, onUnavailable: (m) => notices.push(m), intervalMs: 5 });
    const before = stream.reads;
    await new Promise<void>((resolve) => {
      const check = setInterval(() => stream.reads >= before + 3 && (clearInterval(check), resolve()), 2);
    });
    gcs.appendToObject('logs', `log-${build.id}.txt`, 'late\n');
    await out.until(1);
    await stream.finish();
    expect(out.all).toEqual(['late']);
    expect(notices).toEqual([]);
  });

  it('says once that an unreadable logs bucket cannot be streamed, with the console link, and stops reading', async () => {
    gcs.denyRead('secret-logs');
    const build = buildIn('secret-logs');
    gcs.appendToObject('secret-logs', `log-${build.id}.txt`, 'hidden\n');
    const out = lines();
    const notices: string[] = [];
    let said!: () => void;
    const saidOnce = new Promise<void>((resolve) => (said = resolve));
    const stream = startBuildLogStream({
      store,
      build,
      onLine: out.onLine,
      onUnavailable: (m) => {
        notices.push(m);
        said();
      },
      intervalMs: 5,
    });
    await saidOnce;
    const reads = stream.reads;
    await stream.finish();
    expect(stream.reads).toBe(reads);
    expect(out.all).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`The build log gs://secret-logs/log-${build.id}.txt cannot be read here (permission denied)`);
    expect(notices[0]).toContain(`follow it at https://console/${build.id}`);
  });

  it('does not try to read a log the build sends only to Cloud Logging', async () => {
    const build = buildIn('logs', { options: { logging: 'CLOUD_LOGGING_ONLY' } });
    const notices: string[] = [];
    const stream = startBuildLogStream({ store, build, onLine: () => undefined, onUnavailable: (m) => notices.push(m) });
    await stream.finish();
    expect(stream.reads).toBe(0);
    expect(notices).toEqual([
      `The build writes its log to Cloud Logging only (options.logging), so it cannot be streamed here. Follow it at https://console/${build.id}`,
    ]);
  });
});

describe('streaming a scripted build of the loopback Cloud Build server', () => {
  let server: CloudBuildServer;
  let cloudBuild: CloudBuildApi;

  beforeAll(async () => {
    server = await startCloudBuildServer({ gcs });
    cloudBuild = await createCloudBuild({ projectId: 'p', env: { CLOUD_BUILD_EMULATOR_HOST: server.host } });
  });
  afterAll(async () => {
    await cloudBuild?.close();
    await server?.close();
  });

  it('shows the whole log, in order, lines arriving while the build works', async () => {
    // The build only ends once the stream has delivered its last line: if lines arrived only after the end,
    // this would never finish.
    server.script({ status: 'SUCCESS', logLines: ['one', 'two', 'three', 'four'], logIntervalMs: 20, workingMs: Infinity });
    const id = await cloudBuild.createBuild({ steps: [{ id: 's', name: 'bash', script: 'true' }] });
    const build = await cloudBuild.getBuild(id);
    const seen: string[] = [];
    const stream = startBuildLogStream({
      store,
      build,
      onLine: (line) => {
        seen.push(line);
        if (line === 'four') {
          expect(server.builds.get(id)?.status).toBe('WORKING');
          server.finish(id, 'SUCCESS');
        }
      },
      onUnavailable: (m) => expect.fail(m),
      intervalMs: 10,
    });
    await waitForBuild({ getBuild: (x) => cloudBuild.getBuild(x), id, poll: { initialMs: 10, maxMs: 20 } });
    await stream.finish();
    expect(seen).toEqual([`starting build "${id}"`, '', 'FETCHSOURCE', 'BUILD', 'one', 'two', 'three', 'four', 'PUSH', 'DONE']);
  });
});
