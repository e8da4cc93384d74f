/**
 * `dc-pipeline <command> [--flags]`: the toolkit outside GitHub. Each command lives in its own module and is
 * imported only when asked for, so `dc-pipeline plan` never loads the Google clients.
 */
import { UserError, messageOf } from '../errors.js';

const COMMANDS: Record<string, () => Promise<{ main: (argv: string[]) => Promise<number> }>> = {
  plan: () => import('./plan.js'),
  apply: () => import('./apply.js'),
  ingest: () => import('./ingest.js'),
  serve: () => import('./serve.js'),
};

const USAGE = `Usage: dc-pipeline <command> [--flags]

Commands:
  plan     render (and optionally post) a Terraform plan comment   dc-pipeline plan --plan-json plan.json
  apply    hand a reviewed plan to Cloud Build and wait for it
  ingest   fetch, validate, stage and load one dataset             dc-pipeline ingest <dataset> --target local
  serve    run the ingest HTTP service (what Cloud Run runs)

Flags mirror the action inputs (--working-directory, --plan-json, …). dc-pipeline <command> --help for more.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  const load = COMMANDS[command];
  if (!load) throw new UserError(`unknown command "${command}"; expected one of: ${Object.keys(COMMANDS).join(', ')}.`);
  const mod = await load();
  return mod.main(rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`dc-pipeline: ${messageOf(error)}\n`);
  if (!(error instanceof UserError) && process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}
