/**
 * `dc-pipeline apply`: the apply action outside GitHub — the same inputs (as flags, through the same
 * parseInputs()) and the same runApply(). The merged PR comes from --pull-request and --head-sha, or is looked up
 * on GitHub with a token. Progress and the build log go to stderr; the job summary the action would write goes to
 * stdout. No PR comment is written.
 */
import { InputReader } from '../actions/inputs.js';
import { parseInputs } from '../actions/apply/inputs.js';
import { summaryMarkdown } from '../apply/outcome.js';
import { runApply, type MergedPull } from '../apply/run-apply.js';
import { UserError } from '../errors.js';
import { parseArgs } from './args.js';

const HELP = `Usage: dc-pipeline apply [--flags]

Applies the reviewed plan of a merged pull request through Cloud Build and waits for it. Flags mirror the
apply action's inputs:
  --project-id ID              Google Cloud project (required)
  --region REGION              Cloud Build region (default global)
  --environment NAME           environment (default: last segment of the working directory)
  --working-directory DIR      Terraform root (default .)
  --plan-bucket gs://B/P       where reviewed plans are published
  --source-bucket BUCKET       where the workspace is uploaded (with --build-config)
  --build-config FILE          build config (default cloudbuild/apply.yaml)
  --trigger-id ID              run this trigger instead of sending --build-config
  --substitutions _K=V         extra substitution (repeatable)
  --service-account SA         service account the build runs as
  --logs-bucket gs://B/P       where the build writes its log (with --build-config; must be readable here)
  --timeout 60m                how long to wait
  --[no-]require-reviewed-plan fail without a reviewed plan (default true)
Which commit and PR:
  --repository OWNER/REPO      (default GITHUB_REPOSITORY)
  --commit SHA                 the merge commit (default GITHUB_SHA)
  --run-id ID                  identifies this apply for re-run attach (default GITHUB_RUN_ID, else "local")
  --pull-request N --head-sha SHA   the merged PR and its final head; otherwise looked up on GitHub with
  --github-token TOKEN         (default GITHUB_TOKEN)
  --workspace DIR              what is packed as the build source (default .)`;

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const { flags } = parseArgs(argv, {
    values: [
      'project-id', 'region', 'environment', 'working-directory', 'plan-bucket', 'source-bucket', 'build-config', 'trigger-id',
      'substitutions', 'service-account', 'logs-bucket', 'timeout', 'github-token', 'repository', 'commit', 'run-id', 'pull-request',
      'head-sha', 'workspace',
    ],
    booleans: ['require-reviewed-plan'],
  });
  const env = process.env;
  const workspace = flags.get('workspace') || process.cwd();
  const inputs = parseInputs(InputReader.fromFlags(flags), workspace);
  const repository = flags.get('repository') || env.GITHUB_REPOSITORY || '';
  const commitSha = flags.get('commit') || env.GITHUB_SHA || '';
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) throw new UserError(`Flag --repository was "${repository}"; expected owner/repo.`);
  if (!/^[0-9a-f]{40}$/.test(commitSha)) throw new UserError(`Flag --commit was "${commitSha}"; expected the full 40-character merge commit SHA.`);
  const [owner, repo] = repository.split('/') as [string, string];
  const findMergedPullRequest = pullRequestSource(flags, { owner, repo, token: flags.get('github-token') || env.GITHUB_TOKEN || '', env });

  const [{ createCloudBuild }, { createGcsStore }] = await Promise.all([import('../cloudbuild/client.js'), import('../storage/gcs.js')]);
  const cloudBuild = await createCloudBuild({ projectId: inputs.projectId, region: inputs.region, env });
  const say = (line: string) => void process.stderr.write(`${line}\n`);
  try {
    const { report, error } = await runApply(
      {
        repository,
        commitSha,
        runId: flags.get('run-id') || env.GITHUB_RUN_ID || 'local',
        environment: inputs.environment,
        workingDirectory: inputs.workingDirectory,
        planLocation: inputs.planLocation,
        requireReviewedPlan: inputs.requireReviewedPlan,
        handoff: inputs.handoff.kind === 'trigger' ? inputs.handoff : { ...inputs.handoff, workspace, timeoutSeconds: inputs.timeoutSeconds },
        substitutions: inputs.substitutions,
        timeoutMs: inputs.timeoutSeconds * 1000,
        projectId: inputs.projectId,
        region: inputs.region,
      },
      {
        findMergedPullRequest,
        store: createGcsStore({ projectId: inputs.projectId, env }),
        cloudBuild,
        log: { info: say, warning: (m) => say(`warning: ${m}`), buildLine: say },
        signals: process,
      },
    );
    process.stdout.write(summaryMarkdown(report) + '\n');
    if (error) throw error;
    return 0;
  } finally {
    await cloudBuild.close();
  }
}

function pullRequestSource(
  flags: Map<string, string>,
  github: { owner: string; repo: string; token: string; env: NodeJS.ProcessEnv },
): (sha: string) => Promise<MergedPull | undefined> {
  const number = flags.get('pull-request');
  const headSha = flags.get('head-sha');
  if (number || headSha) {
    if (!number || !/^\d+$/.test(number) || !headSha || !/^[0-9a-f]{40}$/.test(headSha)) {
      throw new UserError('Flags --pull-request and --head-sha go together: the PR number and the full SHA of its final head commit.');
    }
    return async () => ({ number: Number(number), headSha, url: `https://github.com/${github.owner}/${github.repo}/pull/${number}` });
  }
  if (!github.token) {
    throw new UserError('Give --pull-request and --head-sha, or a GitHub token (--github-token or GITHUB_TOKEN) to look the merged PR up.');
  }
  return async (sha) => {
    const gh = await import('../github/index.js');
    const client = gh.createGitHubClientFromEnv(github.token, github.env);
    const pr = await gh.findMergedPullRequest(client, { owner: github.owner, repo: github.repo, sha });
    return pr && { number: pr.number, url: pr.url, headSha: pr.headSha };
  };
}
