/**
 * V8 settings for the one burst of work the plan action does: parse one plan JSON and render the comment and
 * the job summary (at most ~1 MiB of markdown), in a process that lives for a fraction of a second. V8's
 * defaults are made for long-running programs and cost this burst memory it never pays back. Peak RSS of the
 * whole action on the bench plans (terraform_data, `npm run bench`), Node 20 / Node 24, defaults → tuned:
 * 1,000 resources 62 → 50 MB / 71 → 56 MB; 10,000 109 → 81 / 117 → 88; 30,000 171 → 148 / 210 → 158.
 * (The bare JSON.parse the issue compares against peaks at 41/46, 78/83 and 147/158 MB.)
 *
 * - The young generation grows from 1 MB towards 16 MB per semi-space as objects survive scavenges, and the
 *   parsed document and the rendered text all survive. Growth factor 1 keeps it at 1 MB: alone, it brings
 *   10,000 resources to 90 / 101 MB and 30,000 to 148 / 157 MB, for ~5-9% more time at 30,000 (more, smaller
 *   scavenges while parsing; 537 → 586 ms / 472 → 494 ms, best of 9). (`--max-semi-space-size` would be the
 *   usual knob, but it only works on the command line: set from code it changes nothing, on either version.)
 * - The optimising compilers (Maglev, TurboFan) compile dozens of functions in a run this short and, with their
 *   compile memory, add ~10 MB: without them 1,000 resources go from 59 / 66 MB (growth factor 1 alone) to
 *   50 / 56 MB, and 10,000 from 90 / 101 to 81 / 88, in the same time within the noise of the bench. For larger
 *   plans they start to pay for themselves, so they stay on from PLAN_JIT_OFF_BELOW up.
 *
 * Re-measured after the render stopped building an AttributeDiff per attribute (1,000 resources, Node 24, min
 * of 21-25 interleaved runs against the same build, wall / peak RSS): Maglev on for the burst 94 → 94 ms and
 * 57 → 62 MB, both compilers on 94 → 93 ms and 57 → 66 MB, the young generation left to grow 81 → 81 ms and
 * 57 → 60 MB; `--always-sparkplug`, `--no-lazy-feedback-allocation`, `--no-parallel-scavenge` and
 * `--single-threaded-gc` saved nothing either. The render is cold code that runs once: compiling it costs what
 * it would save, so the settings stay as they are.
 *
 * Since the young generation is held small only after JSON.parse (see withBurstTuning), peak RSS on Node 24 is
 * 59 / 104 / 204 MB at 1,000 / 10,000 / 30,000 resources (1.27 / 1.24 / 1.29× the bare JSON.parse; it was
 * 57 / 88 / 158); the time against the bare parse at 10,000 and 30,000 measured 1.50–1.70 / 1.32–1.37× over three
 * runs of the bench (the quoted run before this change: 1.59 / 1.60×). With the young generation growing 8× per
 * scavenge during the parse: 59 / 103 / 194 MiB (1.28 / 1.23 / 1.22×), and 1.51 / 1.22× in time (one run).
 *
 * Both settings are restored afterwards: posting the comment and uploading a reviewed plan (which checksums in
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
 * Runs `burst` (parse and render one plan of `jsonBytes`) with the settings above, then restores the defaults.
 * The burst calls `parsed()` between the two: the young generation is held small only from there. JSON.parse
 * allocates much of the document in the young generation, and all of it survives; held at its initial size the
 * young generation made V8 copy the document through several scavenges while parsing. JSON.parse of the
 * 1,000-resource bench plan (1 MB), Node 24, median of 60 cold runs: 17.5 ms with the setting before it, 14.6 ms
 * with it after.
 *
 * While parsing, the young generation grows by PARSE_GROWTH_FACTOR instead of V8's 2 after each scavenge that
 * finds most of it alive, so the document is copied through fewer, larger scavenges. 1,000 resources, Node 24,
 * garbage collection over the whole run (--trace-gc, median of 15): 8.8 ms at V8's 2, 6.3 at 4, 4.7 at 8; peak
 * RSS 58.4 → 61 MB (measured at 4 and at 16). At 30,000 resources 112 → 70 ms, and peak RSS fell by 9 MB.
 */
export function withBurstTuning<T>(jsonBytes: number, burst: (parsed: () => void) => T): T {
  const v8 = jsonBytes >= PLAN_TUNE_FROM ? tunableV8() : undefined;
  if (!v8) return burst(() => undefined);
  const jitOff = jsonBytes < PLAN_JIT_OFF_BELOW;
  if (jitOff) v8.setFlagsFromString('--no-maglev --no-turbofan');
  v8.setFlagsFromString(`--semi-space-growth-factor=${PARSE_GROWTH_FACTOR}`);
  let youngHeld = false;
  const parsed = (): void => {
    if (youngHeld) return;
    youngHeld = true;
    v8.setFlagsFromString('--semi-space-growth-factor=1');
  };
  try {
    return burst(parsed);
  } finally {
    v8.setFlagsFromString(`--semi-space-growth-factor=${V8_GROWTH_FACTOR}`);
    // Maglev is on by default in Node 24 and off (experimental) in Node 20.
    if (jitOff) v8.setFlagsFromString(process.versions.node.startsWith('24.') ? '--turbofan --maglev' : '--turbofan');
  }
}
