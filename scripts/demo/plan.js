#!/usr/bin/env node
// The plan demo: what a reviewer sees on a pull request, without GitHub or a cloud account.
// 1. copy examples/terraform/applied to a temp folder, `terraform init` + `apply` it (the state on main);
// 2. swap in examples/terraform/proposed (what the PR changes) and run the toolkit's CLI
//    (`dc-pipeline plan`, the same code as the plan action) with the local Terraform;
// 3. print the comment it would post and write it to .dc-pipeline/demo/plan-comment.md, plus an HTML
//    rendering (plan-comment.html) a person can open in a browser.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const terraform = process.env.TERRAFORM ?? 'terraform';

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw new Error(`could not run ${cmd}: ${result.error.message}`);
  return result;
}

function must(cmd, args, options) {
  const result = run(cmd, args, options);
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  return result;
}

if (spawnSync(terraform, ['version'], { stdio: 'ignore' }).status !== 0) {
  // Not a failure of the toolkit: the ingest demo after this one needs no Terraform, so it still runs.
  process.stdout.write(
    `Skipping the plan demo: it needs Terraform ≥ 1.7 on the PATH (or TERRAFORM=/path/to/terraform), and "${terraform}" could not be run.\n`,
  );
  process.exit(0);
}
const cli = join(root, 'dist', 'cli', 'index.js');
if (!existsSync(cli)) must(process.execPath, [join(root, 'scripts', 'build.js'), 'cli'], { cwd: root, stdio: 'inherit' });

const work = mkdtempSync(join(tmpdir(), 'dcp-demo-plan-'));
// Laid out like a repository, so the comment shows `terraform/envs/demo`, not a temp path.
const dir = join(work, 'terraform', 'envs', 'demo');
mkdirSync(dir, { recursive: true });
const env = { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0' };
try {
  process.stdout.write('Applying examples/terraform/applied (the state on main) in a temp folder…\n');
  copyFileSync(join(root, 'examples', 'terraform', 'applied', 'main.tf'), join(dir, 'main.tf'));
  must(terraform, ['init', '-input=false', '-no-color'], { cwd: dir, env });
  must(terraform, ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: dir, env });

  process.stdout.write('Planning examples/terraform/proposed (the pull request) with dc-pipeline plan…\n\n');
  copyFileSync(join(root, 'examples', 'terraform', 'proposed', 'main.tf'), join(dir, 'main.tf'));
  const plan = run(process.execPath, [cli, 'plan', '--working-directory', 'terraform/envs/demo', '--no-init'], { cwd: work, env });
  if (plan.status !== 0) throw new Error(`dc-pipeline plan failed (exit ${plan.status}):\n${plan.stderr}`);
  const comment = plan.stdout;

  const out = join(root, '.dc-pipeline', 'demo');
  mkdirSync(out, { recursive: true });
  const md = join(out, 'plan-comment.md');
  writeFileSync(md, comment);
  const html = join(out, 'plan-comment.html');
  writeFileSync(html, await toHtml(comment));

  process.stdout.write(comment.endsWith('\n') ? comment : `${comment}\n`);
  process.stdout.write(`\nThe comment is in ${relative(process.cwd(), md)}; open ${relative(process.cwd(), html)} in a browser to see it rendered.\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** GitHub-flavoured rendering with markdown-it (a devDependency); plain <pre> when it is not installed. */
async function toHtml(markdown) {
  let body;
  try {
    const { default: MarkdownIt } = await import('markdown-it');
    body = new MarkdownIt({ html: true, linkify: false }).render(markdown);
  } catch {
    body = `<pre>${markdown.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>`;
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>dc-pipeline plan comment (demo)</title>
<style>
body { font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; max-width: 880px; margin: 2rem auto; padding: 0 1rem; }
.comment { border: 1px solid #d1d9e0; border-radius: 6px; padding: 1rem 1.25rem; }
table { border-collapse: collapse; } th, td { border: 1px solid #d1d9e0; padding: 4px 10px; }
pre { background: #f6f8fa; padding: 12px; border-radius: 6px; overflow: auto; } code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 85%; }
blockquote { border-left: 4px solid #d1d9e0; margin: 0; padding: 0 1em; color: #59636e; }
details { margin: 4px 0; } summary { cursor: pointer; }
</style></head>
<body><div class="comment">
${body}
</div></body></html>
`;
}
