/**
 * The apply action, top to bottom: inputs → clients → the merged PR's reviewed plan, applied by Cloud Build
 * (src/apply/run-apply.ts) → the outcome on the PR's plan comment, the job summary and the outputs → the verdict.
 */
import { readGitHubContext } from '../../github/context.js';
import { UserError } from '../../errors.js';
import { InputReader } from '../inputs.js';
import { runAction } from '../run-action.js';
import { appendSummary, info, setOutput, setSecret, warning } from '../runner.js';
import { connect } from './clients.js';
import { parseInputs } from './inputs.js';

export async function run(): Promise<void> {
  await runAction('apply', async () => {
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const inputs = parseInputs(InputReader.fromRunner(), workspace);
    if (inputs.githubToken) setSecret(inputs.githubToken);
    const context = readGitHubContext(process.env);
    if (!context.sha || !context.owner) throw new UserError('GITHUB_SHA and GITHUB_REPOSITORY must be set: run the apply action in a workflow on push.');
    if (context.eventName && context.eventName !== 'push') {
      warning(`The apply action runs on push to the default branch; this is a "${context.eventName}" event. Looking up the PR of ${context.sha} anyway.`);
    }
    if (!inputs.githubToken) throw new UserError('Input `github-token` is empty: it is needed to find the merged pull request.');

    // Loaded after the inputs are checked: a typo in the workflow fails before YAML, tar and the clients load.
    const [{ runApply }, { reportOnPlanComment }, { statusMarkdown, summaryMarkdown }] = await Promise.all([
      import('../../apply/run-apply.js'),
      import('../../apply/pr-comment.js'),
      import('../../apply/outcome.js'),
    ]);
    const clients = await connect({ projectId: inputs.projectId, region: inputs.region, token: inputs.githubToken, env: process.env, warn: warning });
    try {
      const { report, error } = await runApply(
        {
          repository: `${context.owner}/${context.repo}`,
          commitSha: context.sha,
          runId: context.runId,
          runUrl: context.runUrl,
          environment: inputs.environment,
          workingDirectory: inputs.workingDirectory,
          planLocation: inputs.planLocation,
          requireReviewedPlan: inputs.requireReviewedPlan,
          handoff:
            inputs.handoff.kind === 'trigger'
              ? inputs.handoff
              : { ...inputs.handoff, workspace, timeoutSeconds: inputs.timeoutSeconds },
          substitutions: inputs.substitutions,
          timeoutMs: inputs.timeoutSeconds * 1000,
          projectId: inputs.projectId,
          region: inputs.region,
        },
        {
          findMergedPullRequest: async (sha) => {
            const pr = await clients.github_.findMergedPullRequest(clients.github, { owner: context.owner, repo: context.repo, sha });
            return pr && { number: pr.number, url: pr.url, headSha: pr.headSha };
          },
          store: clients.store,
          cloudBuild: clients.cloudBuild,
          log: { info, warning, buildLine: info },
          signals: process,
        },
      );

      setOutput('build-id', report.buildId ?? '');
      setOutput('status', report.status ?? '');
      setOutput('log-url', report.logUrl ?? '');
      setOutput('plan-uri', report.planUri ?? '');
      setOutput('pr-number', report.pullRequest?.number ?? '');
      appendSummary(summaryMarkdown(report));
      if (report.pullRequest) {
        try {
          const posted = await reportOnPlanComment(
            clients.github,
            { owner: context.owner, repo: context.repo, pullRequest: report.pullRequest.number, environment: inputs.environment, workingDirectory: inputs.workingDirectory },
            statusMarkdown(report),
          );
          info(`Outcome ${report.outcome} reported on PR #${report.pullRequest.number}: ${posted.url}`);
        } catch (reportError) {
          // The apply itself is done; not being able to say so on the PR must not turn it red.
          warning(`Could not report the outcome on PR #${report.pullRequest.number}: ${(reportError as Error).message}`);
        }
      }
      if (error) throw error;
    } finally {
      await clients.close();
    }
  });
}
