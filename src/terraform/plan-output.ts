/**
 * What of `terraform plan`'s own output may be logged as it happens. The plan's secrets are known only once its
 * JSON has been read, after the plan, and Terraform's human output can print a secret that nothing marks (a
 * `terraform_data.output` copied from a sensitive input). So the output is held back and masked at the end,
 * except the progress lines Terraform prints while it refreshes and reads: they name a resource and what Terraform
 * is doing, and nothing else once their `[id=…]` is left out (an id can be a value: a random_string's is its
 * result). On a large plan that is minutes of refreshing that would otherwise leave the log silent.
 *
 * Only lines known to be progress pass, and only until the first other line: from there on (the drift notes, the
 * planned actions, warnings, errors) everything is held, progress lines included.
 */

/** One step of a resource address: a name, and an index or a quoted for_each key. */
const STEP = String.raw`[A-Za-z_][\w-]*(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?`;
/** `<address>: <progress>` with an optional `[id=…, 10s elapsed]` tail, as Terraform 0.15–1.x prints them. */
const PROGRESS = new RegExp(
  String.raw`^(${STEP}(?:\.${STEP})*): (Refreshing state\.\.\.|Reading\.\.\.|Read complete after [0-9hms.]+|Still reading\.\.\.|Preparing import\.\.\.)(?: \[([^\]]*)\])?$`,
);
const ELAPSED = /^\d[\dhms.]* elapsed$/;

export interface PlanOutputGate {
  /** A chunk of output, stdout and stderr in arrival order; lines may be split anywhere. */
  write(chunk: string): void;
  /** Everything held back, masked, to the log (call once, after the plan). */
  release(mask: (text: string) => string): void;
}

export function planOutputGate(log: (text: string) => void): PlanOutputGate {
  let pending = '';
  let held = '';
  let holding = false;
  return {
    write(chunk) {
      if (holding) {
        held += chunk;
        return;
      }
      pending += chunk;
      let start = 0;
      for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
        const line = pending.slice(start, end);
        const progress = progressLine(line);
        if (progress === undefined) {
          holding = true;
          held = pending.slice(start);
          pending = '';
          return;
        }
        log(`${progress}\n`);
        start = end + 1;
      }
      pending = pending.slice(start);
    },
    release(mask) {
      const rest = holding ? held : pending;
      held = '';
      pending = '';
      holding = true;
      if (rest) log(mask(rest));
    },
  };
}

/** The line as it may be logged now (without ids), or undefined when it is not a progress line. */
export function progressLine(line: string): string | undefined {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (text.trim() === '') return '';
  const m = PROGRESS.exec(text);
  if (!m) return undefined;
  const elapsed = (m[3] ?? '').split(', ').filter((part) => ELAPSED.test(part));
  return `${m[1]}: ${m[2]}${elapsed.length > 0 ? ` [${elapsed.join(', ')}]` : ''}`;
}
