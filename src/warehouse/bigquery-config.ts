/**
 * Pure translations from a LoadRequest to the BigQuery v2 JSON resources the loader sends: table schema,
 * table resource, load-job configuration and job labels. Kept apart from the client so the exact CSV options
 * (the contract with the staged file) are visible in one place.
 */
import type { Column } from '../ingest/dataset.js';
import type { LoadRequest } from './warehouse.js';

export interface BigQueryField {
  name: string;
  type: string;
  mode: string;
  description?: string;
}

export function toBigQueryFields(schema: Column[]): BigQueryField[] {
  return schema.map((c) => ({ name: c.name, type: c.type, mode: c.mode, ...(c.description ? { description: c.description } : {}) }));
}

/** Partitioning and clustering exactly as the tables resource and the load configuration spell them. */
export function tableLayout(request: LoadRequest): { timePartitioning?: { type: string; field?: string }; clustering?: { fields: string[] } } {
  const p = request.partitioning;
  return {
    ...(p ? { timePartitioning: { type: p.type, ...(p.field ? { field: p.field } : {}) } } : {}),
    ...(request.clustering?.length ? { clustering: { fields: [...request.clustering] } } : {}),
  };
}

/**
 * The load job. The CSV options describe the staged file, which the validator always writes as UTF-8, comma,
 * '"'-quoted with a header row; quoted newlines are legal CSV, so they must be allowed. maxBadRecords is 0
 * because bad rows were already quarantined: any rejection here is a bug worth failing on.
 */
export function loadJobConfiguration(request: LoadRequest, projectId: string, labels: Record<string, string>) {
  return {
    load: {
      sourceUris: [request.sourceUri],
      sourceFormat: 'CSV',
      skipLeadingRows: 1,
      fieldDelimiter: ',',
      quote: '"',
      encoding: 'UTF-8',
      maxBadRecords: 0,
      allowQuotedNewlines: true,
      allowJaggedRows: false,
      ignoreUnknownValues: false,
      schema: { fields: toBigQueryFields(request.schema) },
      destinationTable: { projectId, datasetId: request.target.dataset, tableId: request.target.table },
      createDisposition: 'CREATE_IF_NEEDED',
      writeDisposition: request.writeMode === 'replace' ? 'WRITE_TRUNCATE' : 'WRITE_APPEND',
      ...tableLayout(request),
    },
    labels,
  };
}

/**
 * BigQuery labels allow lowercase letters, digits, '_' and '-', at most 63 characters, keys starting with a
 * letter. Values from the catalog (dataset names) already fit; anything else is folded rather than rejected,
 * because a label must never be the reason a load fails.
 */
export function jobLabels(request: LoadRequest): Record<string, string> {
  const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9_-]/g, '_').slice(0, 63);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries({ 'dc-pipeline': 'ingest', dataset: request.dataset, ...request.labels })) {
    let key = fold(k);
    if (!/^[a-z]/.test(key)) key = `l_${key}`.slice(0, 63);
    out[key] = fold(v);
  }
  return out;
}
