/**
 * The service's configuration, from its environment (set by the Terraform cloud-run module). Every problem is
 * named by its variable, so a misconfigured revision fails at start with one line instead of at the first event.
 */
import { UserError } from '../errors.js';
import type { TargetKind } from '../ingest/targets.js';
import { parseDataflowServiceAccount } from '../ingest/dataflow.js';

export interface ServiceConfig {
  port: number;
  catalog: string;
  bucket: string;
  projectId: string;
  environment: string;
  target: TargetKind;
  location?: string;
  dataflowRegion?: string;
  /** Worker service account email for Dataflow launches. */
  dataflowServiceAccount?: string;
  /** Loopback/private/plain-HTTP sources: tests and local runs only. */
  allowPrivateSources: boolean;
}

export function readServiceConfig(env: NodeJS.ProcessEnv): ServiceConfig {
  const port = Number(env.PORT ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`PORT was "${env.PORT}"; expected a TCP port number.`);
  const target = (env.TARGET ?? 'gcp').trim() || 'gcp';
  if (target !== 'gcp' && target !== 'local') throw new UserError(`TARGET was "${target}"; expected "gcp" or "local".`);
  const environment = (env.ENVIRONMENT ?? '').trim();
  if (!environment) throw new UserError('ENVIRONMENT is required (the env-<ENVIRONMENT> build tag this service reacts to) and was empty.');
  const bucket = (env.BUCKET ?? '').trim();
  if (target === 'gcp' && !bucket) throw new UserError('BUCKET is required for TARGET=gcp (the staging bucket) and was empty.');
  const allow = (env.ALLOW_PRIVATE_SOURCES ?? 'false').trim();
  if (allow !== 'true' && allow !== 'false') throw new UserError(`ALLOW_PRIVATE_SOURCES was "${allow}"; expected "true" or "false".`);
  const dataflowServiceAccount = parseDataflowServiceAccount(env.DATAFLOW_SERVICE_ACCOUNT ?? '', 'DATAFLOW_SERVICE_ACCOUNT');
  return {
    port,
    catalog: (env.CATALOG ?? '').trim() || 'datasets.yaml',
    bucket,
    projectId: (env.PROJECT_ID ?? env.GOOGLE_CLOUD_PROJECT ?? '').trim(),
    environment,
    target,
    ...(env.LOCATION?.trim() ? { location: env.LOCATION.trim() } : {}),
    ...(env.DATAFLOW_REGION?.trim() ? { dataflowRegion: env.DATAFLOW_REGION.trim() } : {}),
    ...(dataflowServiceAccount ? { dataflowServiceAccount } : {}),
    allowPrivateSources: allow === 'true',
  };
}
