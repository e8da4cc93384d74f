/**
 * Whether Terraform runs on this machine. Tests that need it are skipped without it only outside CI: under
 * CI=true they run, and a missing Terraform fails them.
 */
import { spawnSync } from 'node:child_process';

export const hasTerraform = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;

/** For describe.skipIf / it.skipIf. */
export const skipWithoutTerraform = !hasTerraform && process.env.CI !== 'true';
