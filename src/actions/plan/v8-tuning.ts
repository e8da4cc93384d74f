/**
 * V8 settings for the one burst of work the plan action does: parse one plan JSON and render the comment and
 * the job summary (at most ~1 MiB of markdown), in a process that lives for a fraction of a second. V8's
 * defaults are made for long-running programs and cost this burst memory it never pays back. Measured on the
 * bench plans (terraform_data, `npm run bench`; peak RSS of the whole action, Node 20 / Node 24):
 *
 * - The young generation grows from 1 MB towards 16 MB per semi-space as objects survive scavenges, and the
 *   parsed document and the rendered text all survive. Keeping it at 1 MB (growth factor 1) cost no time in
 *   the bench and lowered peak RSS: 10,000 resources 117 → 92 MB / 127 → 105 MB, 30,000 172 → 148 MB /
 *   210 → 158 MB. (`--max-semi-space-size` would be the usual knob, but it only works on the command line:
 *   set from code it changes nothing, on either version.)
 * - The optimising compilers (Maglev, TurboFan) compile dozens of functions in a run this short and, with
 *   their compile memory, add ~12 MB of RSS: 1,000 resources 61 → 52 MB / 70 → 57 MB and 10,000 92 → 79 MB /
 *   105 → 88 MB without them, in the same time. For larger plans they start to pay for themselves (30,000
 *   resources ran ~10% faster with them on Node 24), so they are only switched off below PLAN_JIT_OFF_BELOW.
 *
 * Both settings are restored afterwards: posting the comment and uploading a reviewed plan (which checksums
 * in JavaScript) run with V8's defaults. Only the majors measured are tuned (Node 20, V8 11.3; Node 24, V8 13.6):
 * these are V8's internal flags, an unknown one prints "unrecognized flag" on stderr, and their effect when set
 * at run time was checked on these two (`--max-opt`, for one, is ignored at run time on Node 24).
 */
import { setFlagsFromString } from 'node:v8';

/** Plans below this many bytes of JSON are parsed and rendered without the optimising compilers. */
export const PLAN_JIT_OFF_BELOW = 16 * 1024 * 1024;

const TUNED_NODE_MAJORS = new Set([20, 24]);

/** Runs `burst` (parse and render one plan of `jsonBytes`) with the settings above, then restores the defaults. */
export function withBurstTuning<T>(jsonBytes: number, burst: () => T): T {
  if (!TUNED_NODE_MAJORS.has(Number(process.versions.node.split('.')[0]))) return burst();
  const jitOff = jsonBytes < PLAN_JIT_OFF_BELOW;
  setFlagsFromString('--semi-space-growth-factor=1');
  if (jitOff) setFlagsFromString('--no-maglev --no-turbofan');
  try {
    return burst();
  } finally {
    setFlagsFromString('--semi-space-growth-factor=2');
    // Maglev is on by default in Node 24 and off (experimental) in Node 20.
    if (jitOff) setFlagsFromString(process.versions.node.startsWith('24.') ? '--turbofan --maglev' : '--turbofan');
  }
}
