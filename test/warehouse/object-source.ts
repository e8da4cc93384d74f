/**
 * Staged objects for the BigQuery load tests. The loopback BigQuery server reads a load job's gs:// source
 * from here, the way BigQuery reads it from GCS.
 */
import type { GcsObjectSource } from '../servers/bigquery.js';

export interface ObjectSource extends GcsObjectSource {
  put(bucket: string, name: string, data: string | Buffer): Promise<string>;
  close(): Promise<void>;
}

export async function startObjectSource(): Promise<ObjectSource> {
  const objects = new Map<string, Buffer>();
  return {
    getObject: (bucket, name) => {
      const data = objects.get(`${bucket}/${name}`);
      return data && { data };
    },
    put: async (bucket, name, data) => {
      objects.set(`${bucket}/${name}`, Buffer.from(data));
      return `gs://${bucket}/${name}`;
    },
    close: async () => undefined,
  };
}
