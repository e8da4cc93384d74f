import { describe, expect, it } from 'vitest';
import { readServiceConfig } from '../../src/service/config.js';

const base = { ENVIRONMENT: 'dev', BUCKET: 'staging', PROJECT_ID: 'p' };

describe('the service configuration', () => {
  it('reads what the Terraform module sets, with Cloud Run defaults', () => {
    expect(readServiceConfig({ ...base, CATALOG: '/app/datasets.yaml', TARGET: 'gcp' })).toEqual({
      port: 8080,
      catalog: '/app/datasets.yaml',
      bucket: 'staging',
      projectId: 'p',
      environment: 'dev',
      target: 'gcp',
      allowPrivateSources: false,
    });
  });

  it('names the variable that is missing or wrong', () => {
    expect(() => readServiceConfig({ BUCKET: 'b' })).toThrow('ENVIRONMENT is required');
    expect(() => readServiceConfig({ ENVIRONMENT: 'dev' })).toThrow('BUCKET is required for TARGET=gcp');
    expect(() => readServiceConfig({ ...base, TARGET: 'aws' })).toThrow('TARGET was "aws"; expected "gcp" or "local".');
    expect(() => readServiceConfig({ ...base, PORT: 'http' })).toThrow('PORT was "http"; expected a TCP port number.');
    expect(() => readServiceConfig({ ...base, ALLOW_PRIVATE_SOURCES: 'yes' })).toThrow('ALLOW_PRIVATE_SOURCES was "yes"');
  });

  it('reads the Dataflow worker service account and refuses one that is not an email', () => {
    expect(readServiceConfig({ ...base, DATAFLOW_REGION: 'europe-west1', DATAFLOW_SERVICE_ACCOUNT: 'df@p.iam.gserviceaccount.com' })).toMatchObject({
      dataflowRegion: 'europe-west1',
      dataflowServiceAccount: 'df@p.iam.gserviceaccount.com',
    });
    expect(readServiceConfig(base)).not.toHaveProperty('dataflowServiceAccount');
    expect(() => readServiceConfig({ ...base, DATAFLOW_SERVICE_ACCOUNT: 'dataflow-worker' })).toThrow(
      'DATAFLOW_SERVICE_ACCOUNT was "dataflow-worker"; expected a service account email',
    );
  });

  it('needs no bucket for the local target', () => {
    expect(readServiceConfig({ ENVIRONMENT: 'dev', TARGET: 'local' })).toMatchObject({ target: 'local', bucket: '' });
  });
});
