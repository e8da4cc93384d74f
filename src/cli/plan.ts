/**
 * `dc-pipeline plan`: the plan action outside GitHub. Flags mirror the action inputs and go through the same
 * parseInputs(); the comment the action would post is printed to stdout (Terraform's own output goes to
 * stderr), so `dc-pipeline plan --plan-json plan.json > comment.md` is a preview of the PR comment.
 */
import { tmpdir } from 'node:os';
import { InputReader } from '../actions/inputs.js';
import { parseInputs } from '../actions/plan/inputs.js';
import { obtainPlan } from '../actions/plan/plan-source.js';
import { renderPlan } from '../comment/render.js';
import { parsePlan } from '../terraform/parse-plan.js';
import { readGitHubContext } from '../github/context.js';
import { UserError } from '../errors.js';
import { planPublishRequest, publishToPullRequest } from '../actions/plan/publish.js';
import { withBurstTuning } from '../actions/plan/v8-tuning.js';
import { parseArgs } from './args.js';

const HELP = `Usage: dc-pipeline plan [--flags]

Prints the comment the plan action would post. Flags mirror the action inputs:
  --working-directory DIR   Terraform root (default .)
  --environment NAME        environment name (default: last segment of the working directory)
  --plan-json FILE          render an existing \`terraform show -json\` document (Terraform is not run)
  --plan-file FILE          show an existing binary plan with Terraform
  --terraform BIN           Terraform binary (default terraform)
  --[no-]init               run terraform init first (default true)
  --var-files FILE          -var-file for terraform plan (repeatable)
  --args "ARGS"             extra arguments for terraform plan
  --summary                 print the job summary (the long form) instead of the comment
  --[no-]fail-on-destroy    exit 3 when the plan deletes or replaces anything

Posting (optional): with --pr N, --repo OWNER/NAME (or GITHUB_REPOSITORY) and a token (--github-token or
GITHUB_TOKEN) the comment is also posted like the action does (--comment update|new|off, --[no-]labels).
GITHUB_API_URL points it at GitHub Enterprise Server.`;

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const { flags } = parseArgs(argv, {
    values: ['working-directory', 'environment', 'plan-json', 'plan-file', 'terraform', 'var-files', 'args', 'github-token', 'comment', 'repo', 'pr'],
    booleans: ['init', 'fail-on-destroy', 'summary', 'labels'],
  });
  const inputs = parseInputs(InputReader.fromFlags(flags));
  const target = postTarget(flags);
  const plan = await obtainPlan(inputs, {
    scratchDir: tmpdir(),
    log: (chunk) => void process.stderr.write(chunk),
  });
  // The same V8 settings as the action for the one burst of parsing and rendering (see v8-tuning.ts).
  const { model, rendered } = withBurstTuning(plan.json?.length ?? 0, (parsed) => {
    const model = plan.model ?? (plan.json !== undefined ? parsePlan(plan.json, plan.jsonPath) : undefined);
    parsed();
    const rendered = renderPlan(model, {
      environment: inputs.environment,
      workingDirectory: inputs.workingDirectory,
      terraformVersion: plan.terraformVersion ?? model?.terraformVersion,
      planSha256: plan.sha256,
      diagnostics: plan.diagnostics,
    });
    return { model, rendered };
  });
  process.stdout.write((flags.get('summary') === 'true' ? rendered.summary : rendered.comment) + '\n');
  if (target) {
    const context = { ...readGitHubContext(process.env), ...target.repo, pullRequest: { number: target.pr, fromFork: false } };
    const log = (message: string) => void process.stderr.write(`${message}\n`);
    await publishToPullRequest(
      planPublishRequest(
        inputs,
        { model, failed: plan.failed, body: rendered.comment },
        { context, token: flags.get('github-token') || process.env.GITHUB_TOKEN || '', env: process.env, warn: log, info: log },
      ),
    );
  }
  if (plan.failed || model?.errored) return 1;
  if (inputs.failOnDestroy && model && (model.counts.destroy > 0 || model.counts.replace > 0)) return 3;
  return 0;
}

/** Where to post, when --pr was given; the repository from --repo or GITHUB_REPOSITORY. */
function postTarget(flags: Map<string, string>): { pr: number; repo: { owner: string; repo: string } } | undefined {
  const pr = flags.get('pr');
  if (!pr) return undefined;
  if (!/^[1-9]\d*$/.test(pr)) throw new UserError(`Flag --pr was "${pr}"; expected a pull request number.`);
  const full = flags.get('repo') || process.env.GITHUB_REPOSITORY || '';
  const m = /^([\w.-]+)\/([\w.-]+)$/.exec(full);
  if (!m) throw new UserError(`Flag --repo was "${full}"; expected OWNER/NAME (or set GITHUB_REPOSITORY).`);
  return { pr: Number(pr), repo: { owner: m[1] as string, repo: m[2] as string } };
}
