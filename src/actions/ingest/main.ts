/**
 * The ingest action: parse inputs → ingest one catalog dataset → outputs and job summary.
 */
import { tmpdir } from 'node:os';
import { InputReader } from '../inputs.js';
import { runAction } from '../run-action.js';
import { appendSummary, debug, group, info, setOutput, warning } from '../runner.js';
import { parseIngestInputs } from './inputs.js';
import { messageOf } from '../../errors.js';
import { keepYoungGenerationSmall } from '../../runtime/young-generation.js';

export async function run(): Promise<void> {
  keepYoungGenerationSmall();
  await runAction('ingest', async () => {
    const inputs = parseIngestInputs(InputReader.fromRunner());
    // Loaded after the inputs are checked: a typo fails in a few ms, before the catalog/CSV code is parsed.
    const [{ ingestOne }, { EVENT_FAILED, reportMarkdown, reportOutputs }] = await Promise.all([
      import('./ingest-one.js'),
      import('../../ingest/report.js'),
    ]);
    const report = await group(`Ingest ${inputs.dataset}${inputs.dryRun ? ' (dry run)' : ''}`, () =>
      ingestOne(inputs, {
        env: process.env,
        tmpDir: process.env.RUNNER_TEMP || tmpdir(),
        label: (name) => `Input \`${name}\``,
        log: (entry) => {
          // A failure is reported once, by runAction's "ingest failed with: …" line.
          if (entry.severity === 'WARNING') warning(entry.message);
          else if (entry.event !== EVENT_FAILED) info(entry.message);
          debug(JSON.stringify(entry));
        },
      }),
    ).catch((error: unknown) => {
      // The job summary is where people look first; say there what failed, then fail the step as usual.
      appendSummary(`### Ingest \`${inputs.dataset}\` failed\n\n${messageOf(error).replace(/\r?\n/g, '  \n')}\n`);
      throw error;
    });
    for (const [name, value] of Object.entries(reportOutputs(report))) setOutput(name, value);
    appendSummary(reportMarkdown(report));
  });
}
