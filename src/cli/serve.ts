/**
 * `dc-pipeline serve`: the ingest service in the foreground, configured like the container (PORT, CATALOG,
 * BUCKET, PROJECT_ID, ENVIRONMENT, TARGET); flags override the variables.
 */
import { parseArgs } from './args.js';
import { serveUntilSignalled } from '../service/main.js';

const FLAGS: Record<string, string> = {
  port: 'PORT',
  catalog: 'CATALOG',
  bucket: 'BUCKET',
  'project-id': 'PROJECT_ID',
  environment: 'ENVIRONMENT',
  target: 'TARGET',
  location: 'LOCATION',
  'dataflow-region': 'DATAFLOW_REGION',
  'dataflow-service-account': 'DATAFLOW_SERVICE_ACCOUNT',
};

const HELP = `Usage: dc-pipeline serve [--port 8080] [--catalog datasets.yaml] [--environment dev] [--target local|gcp]
                         [--bucket b] [--project-id p] [--location l] [--dataflow-region r]
                         [--dataflow-service-account email] [--allow-private-sources]

Runs the ingest HTTP service: POST / (CloudEvents from Eventarc), POST /ingest {"dataset": …}, GET /healthz.
Each flag overrides the environment variable of the same name (PORT, CATALOG, …). Stops cleanly on Ctrl-C.
`;

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  const { flags, positionals } = parseArgs(argv, { values: Object.keys(FLAGS), booleans: ['allow-private-sources'] });
  if (positionals.length > 0) {
    process.stderr.write(`dc-pipeline serve takes no arguments (got ${positionals.join(' ')}).\n${HELP}`);
    return 2;
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [flag, variable] of Object.entries(FLAGS)) {
    const value = flags.get(flag);
    if (value !== undefined) env[variable] = value;
  }
  if (flags.has('allow-private-sources')) env.ALLOW_PRIVATE_SOURCES = flags.get('allow-private-sources');
  // Exit once drained: keep-alive sockets in the clients' agents would otherwise keep the process alive.
  process.exit(await serveUntilSignalled(env));
}
