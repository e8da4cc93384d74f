#!/usr/bin/env node
// Real `terraform init` + `terraform validate` of every configuration under terraform/ (modules, their
// examples, environments), with the providers they pin. This needs the providers, so it needs the network the
// first time (a plugin cache under ~/.cache/dc-pipeline/terraform-plugins makes later runs offline); the
// offline checks in `npm test` (test/infra/) cover what can be checked without them.
//
//   npm run validate:tf                         all configurations
//   npm run validate:tf -- --only envs/prod     configurations whose path contains "envs/prod"
//   node scripts/validate-tf.js --root <dir>    another tree (tests)
//
// The tree is copied to a temporary folder first, so nothing (.terraform/, lock files) is written into the
// repository and no backend is touched (init -backend=false).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

function option(argv, name) {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

function configDirs(root) {
  const dirs = [];
  const walk = (dir) => {
    const entries = readdirSync(dir);
    if (entries.some((e) => e.endsWith('.tf'))) dirs.push(dir);
    for (const e of entries) {
      const full = join(dir, e);
      if (e !== '.terraform' && statSync(full).isDirectory()) walk(full);
    }
  };
  walk(root);
  return dirs.sort();
}

function main(argv) {
  const root = option(argv, '--root') ?? join(repo, 'terraform');
  const only = option(argv, '--only');
  if (!existsSync(root)) {
    console.error(`validate-tf: ${root} does not exist.`);
    return 1;
  }
  const binary = process.env.TERRAFORM ?? 'terraform';
  const version = spawnSync(binary, ['version'], { encoding: 'utf8' });
  if (version.status !== 0) {
    console.error(`validate-tf: "${binary}" was not found or does not run; install Terraform >= 1.5 or set TERRAFORM=/path/to/terraform.`);
    return 1;
  }

  const work = mkdtempSync(join(tmpdir(), 'validate-tf-'));
  const cache = process.env.TF_PLUGIN_CACHE_DIR ?? join(homedir(), '.cache', 'dc-pipeline', 'terraform-plugins');
  mkdirSync(cache, { recursive: true });
  const env = {
    ...process.env,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    TF_PLUGIN_CACHE_DIR: cache,
    // The copies have no lock file yet; let init fill it from the cache instead of refusing.
    TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE: 'true',
  };
  const failures = [];
  try {
    // Same layout as the repository: the environments read ../../../datasets.yaml next to terraform/.
    const tree = join(work, 'terraform');
    cpSync(root, tree, { recursive: true, filter: (src) => !src.split(/[\\/]/).includes('.terraform') });
    const catalog = join(root, '..', 'datasets.yaml');
    if (existsSync(catalog)) copyFileSync(catalog, join(work, 'datasets.yaml'));
    const dirs = configDirs(tree).filter((d) => !only || relative(tree, d).includes(only));
    if (dirs.length === 0) {
      console.error(`validate-tf: no configuration matched${only ? ` "${only}"` : ''} under ${root}.`);
      return 1;
    }
    for (const dir of dirs) {
      const name = relative(tree, dir) || '.';
      const steps = [
        ['init', '-backend=false', '-input=false', '-no-color'],
        ['validate', '-no-color'],
      ];
      let failed;
      for (const args of steps) {
        const run = spawnSync(binary, args, { cwd: dir, env, encoding: 'utf8' });
        if (run.status !== 0) {
          failed = { step: args[0], output: `${run.stdout}${run.stderr}`.trim() };
          break;
        }
      }
      if (failed) {
        failures.push(name);
        console.log(`✗ ${name} (terraform ${failed.step})\n${failed.output.replace(/^/gm, '    ')}`);
      } else {
        console.log(`✓ ${name}`);
      }
    }
    console.log(`\n${dirs.length - failures.length}/${dirs.length} configurations valid.`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exit(main(process.argv.slice(2)));
