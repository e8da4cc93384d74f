/**
 * The plan action, top to bottom: inputs → plan JSON (Terraform or a file) → model → masks → comment and
 * summary → job summary → pull request → outputs → the verdict (a failed plan, or fail-on-destroy).
 */
import { UserError } from '../../errors.js';
import { readGitHubContext } from '../../github/context.js';
import { renderPlan } from '../../comment/render.js';
import { parsePlan } from '../../terraform/parse-plan.js';
import type { PlanModel } from '../../terraform/plan-model.js';
import { InputReader } from '../inputs.js';
import { runAction } from '../run-action.js';
import { appendSummary, group, info, setSecret, warning } from '../runner.js';
import { parseInputs } from './inputs.js';
import { lineWriter } from './line-writer.js';
import { writePlanOutputs } from './outputs.js';
import { obtainPlan } from './plan-source.js';
import { planPublishRequest, publishToPullRequest } from './publish.js';
import { publishReviewedPlanOf } from './reviewed-plan.js';
import { withBurstTuning } from './v8-tuning.js';

export async function run(): Promise<void> {
  await runAction('plan', async () => {
    const inputs = parseInputs(InputReader.fromRunner());
    if (inputs.githubToken) setSecret(inputs.githubToken);
    const context = readGitHubContext(process.env);

    const title = inputs.source.kind === 'run' ? `terraform plan (${inputs.workingDirectory})` : `read plan (${inputs.source.path})`;
    const plan = await group(title, async () => {
      const log = lineWriter(info);
      try {
        return await obtainPlan(inputs, {
          scratchDir: process.env.RUNNER_TEMP || (await import('node:os')).tmpdir(),
          log: log.write,
          onSensitiveValues: (values) => values.forEach(setSecret),
        });
      } finally {
        log.flush();
      }
    });

    const { model, rendered } = withBurstTuning(plan.json?.length ?? 0, (parsed) => {
      const model: PlanModel | undefined =
        plan.model ?? (plan.json !== undefined ? parsePlan(plan.json, plan.jsonPath ?? 'plan JSON') : undefined);
      parsed();
      // Masks first: nothing below may print, post or output a sensitive value in clear text.
      for (const secret of model?.sensitiveValues ?? []) setSecret(secret);

      const rendered = renderPlan(model, {
        environment: inputs.environment,
        workingDirectory: inputs.workingDirectory,
        commitSha: context.pullRequest?.headSha || context.sha || undefined,
        runUrl: context.runUrl,
        terraformVersion: plan.terraformVersion ?? model?.terraformVersion,
        planSha256: plan.sha256,
        diagnostics: plan.diagnostics,
      }, { comment: inputs.comment !== 'off' });
      return { model, rendered };
    });

    // The summary first: if GitHub then fails (5xx past the retries), the plan is still on the run's page.
    appendSummary(rendered.summary, rendered.summaryUtf8);
    const published = await publishToPullRequest(
      planPublishRequest(
        inputs,
        { model, failed: plan.failed, body: rendered.comment },
        { context, token: inputs.githubToken, env: process.env, warn: warning, info },
      ),
    );
    // After the comment: what reviewers see is posted before the plan becomes appliable.
    const reviewed = inputs.planBucket && !plan.failed && !model?.errored
      ? await publishReviewedPlanOf(inputs, plan, model, context, { info, warn: warning, env: process.env })
      : undefined;
    writePlanOutputs(model, plan, published, reviewed?.planUri);

    if (plan.failed || model?.errored) {
      throw new UserError('terraform plan failed; its diagnostics are in the plan comment and the job summary.');
    }
    if (inputs.failOnDestroy && model && (model.counts.destroy > 0 || model.counts.replace > 0)) {
      throw new UserError(
        `the plan destroys ${model.counts.destroy} resource(s) (${model.counts.replace} of them replaced) and \`fail-on-destroy\` is true.`,
      );
    }
  });
}
