/**
 * V8 settings for the one burst of work the plan action does: parse one plan JSON and render the comment and
 * the job summary (at most ~1 MiB of markdown), in a process that lives for a fraction of a second. V8's
 * defaults are made for long-running programs; for this burst they cost time while parsing and memory after.
 *
 * - While JSON.parse runs, the young generation grows 8× per scavenge instead of 2×: the parse allocates the
 *   document there and all of it survives, so at V8's pace it is copied through more scavenges on its way to the
 *   old generation (figures at withBurstTuning).
 * - After the parse, growth factor 1 holds the young generation at the size it reached: the rendered text
 *   survives too, and letting the young generation grow for it costs memory the run never pays back (with V8's
 *   defaults, peak RSS at 1,000 / 10,000 / 30,000 resources was 71 / 117 / 210 MB on Node 24). The usual knob,
 *   `--max-semi-space-size`, only works on the command line: set from code it changes nothing, on either version.
 * - Below PLAN_JIT_OFF_BELOW the optimising compilers (Maglev, TurboFan) are off: in a run this short they compile
 *   dozens of functions and add their compile memory for no time saved (1,000 resources, Node 24, min of 21–25
 *   interleaved runs: both on 94 → 93 ms and 57 → 66 MB; Maglev for the whole burst 94 → 94 ms and 57 → 62 MB,
 *   for the render only about −1 ms and +3.8 MB). `--always-sparkplug`, `--no-lazy-feedback-allocation`,
 *   `--no-parallel-scavenge` and `--single-threaded-gc` saved nothing either, nor (timing the render alone)
 *   `--concurrent-sparkplug` or lower Sparkplug batch and feedback-allocation thresholds. Larger plans keep the
 *   compilers: there they start to pay for themselves.
 *
 * With all three, the action's peak RSS on Node 24 (`npm run bench`) is 57 / 100 / 167 MiB at 1,000 / 10,000 /
 * 30,000 resources: 1.23 / 1.19 / 1.06× that of the bare JSON.parse it is compared against (which parses all of
 * the document; the action skips planned_values.root_module, see plan-json.ts).
 *
 * All three are restored afterwards: posting the comment and uploading a reviewed plan (which checksums in
 * JavaScript) run with V8's defaults. Only the majors measured are tuned (Node 20, V8 11.3; Node 24, V8 13.6):
 * these are V8's internal flags, an unknown one prints "unrecognized flag" on stderr, and their effect when set
 * at run time was checked on these two (`--max-opt`, for one, is ignored at run time on Node 24).
 */

import { tunableV8 } from '../../runtime/tunable-v8.js';

/** Plans this small (characters of JSON) run untuned: there is nothing to save, and node:v8 costs ~3 ms to load. */
export const PLAN_TUNE_FROM = 256 * 1024;
/** Plans below this many characters of JSON (bytes, for ASCII) are parsed and rendered without the optimising compilers. */
export const PLAN_JIT_OFF_BELOW = 16 * 1024 * 1024;
/** How fast the young generation grows while the plan is parsed (see withBurstTuning), and V8's own factor. */
const PARSE_GROWTH_FACTOR = 8;
const V8_GROWTH_FACTOR = 2;

/**
 * Runs `burst` (parse and render one plan of `jsonBytes`) with the settings above, then restores V8's defaults.
 * The burst calls `parsed()` between the two; from there the young generation stops growing. Measured on the
 * 1,000-resource bench plan, Node 24: JSON.parse took 17.5 ms with the young generation held small from the
 * start and 14.6 ms at V8's growth (medians of 60 cold runs); garbage collection over the whole run (--trace-gc,
 * median of 15) took 8.8 ms at V8's factor 2, 6.3 at 4 and 4.7 at 8, for peak RSS 58.4 → 61 MB (measured at 4
 * and at 16). At 30,000 resources (median of 5): 112 → 70 ms, with 9 MB less peak RSS.
 */
export function withBurstTuning<T>(jsonBytes: number, burst: (parsed: () => void) => T): T {
  const v8 = jsonBytes >= PLAN_TUNE_FROM ? tunableV8() : undefined;
  if (!v8) return burst(() => undefined);
  const jitOff = jsonBytes < PLAN_JIT_OFF_BELOW;
  if (jitOff) v8.setFlagsFromString('--no-maglev --no-turbofan');
  v8.setFlagsFromString(`--semi-space-growth-factor=${PARSE_GROWTH_FACTOR}`);
  const parsed = (): void => v8.setFlagsFromString('--semi-space-growth-factor=1');
  try {
    return burst(parsed);
  } finally {
    v8.setFlagsFromString(`--semi-space-growth-factor=${V8_GROWTH_FACTOR}`);
    // Maglev is on by default in Node 24 and off (experimental) in Node 20.
    if (jitOff) v8.setFlagsFromString(process.versions.node.startsWith('24.') ? '--turbofan --maglev' : '--turbofan');
  }
}
