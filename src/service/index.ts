import { serveUntilSignalled } from './main.js';
import { UserError, messageOf } from '../errors.js';

try {
  // Exit explicitly once drained: keep-alive sockets in the Google clients' agents would otherwise hold the
  // process open until Cloud Run's SIGKILL.
  process.exit(await serveUntilSignalled(process.env));
} catch (error) {
  // One structured line, so a misconfigured revision says why in Cloud Logging.
  const stack = !(error instanceof UserError) && error instanceof Error ? { stack_trace: error.stack } : {};
  process.stdout.write(JSON.stringify({ severity: 'ERROR', message: `ingest service failed to start: ${messageOf(error)}`, event: 'service_failed', ...stack }) + '\n');
  process.exitCode = 1;
}
