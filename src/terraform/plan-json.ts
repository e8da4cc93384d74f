/**
 * JSON.parse of `terraform show -json` output, less the one part nothing here reads: planned_values.root_module,
 * every resource's planned values over again (44% of the bytes of a plan that only creates). Not building it
 * saves that share of the parse and of the memory. The whole plan action on plans that create 30,000 / 10,000 /
 * 1,000 resources: 680 → 547 ms (medians of 7), 388 → 325 ms (medians of 9), about −4 ms (paired median of 100);
 * peak RSS at 30,000, 194 → 167 MiB.
 *
 * Terraform (and OpenTofu) write the document compactly with the top-level keys in a fixed order: format_version,
 * terraform_version, variables, planned_values, then resource_drift / resource_changes / deferred_changes /
 * output_changes / prior_state, whichever come first. When the text has that layout, it is parsed in two pieces
 * around planned_values: everything before `,"planned_values":` closed with `}`, and everything after its value
 * opened with `{`. Of planned_values itself only `outputs` is parsed (sensitive outputs are secrets to mask).
 *
 * Why the cuts are exact. Inside a JSON string every quote is escaped, so `,"planned_values":{` and
 * `,"resource_changes":` in the text are structure, never string content; but structure at any depth (a
 * terraform_data input can be an object with a key named resource_changes). So a cut is trusted only once the
 * piece it makes has parsed: the start of a document plus `}` is a JSON object only when the cut is at the top
 * level, and so is `{` plus the end of a document. planned_values' value ends where the next top-level key
 * begins, so its end is looked for as `,"<key>":` for every top-level key parse-plan reads (each candidate tried
 * until one holds): only keys nothing reads can sit between planned_values and the first of those, and they are
 * left out with it. Anything else (no candidate that holds within a few tries, a piece that does not
 * parse, a layout not expected, a `__proto__` key) falls back to one JSON.parse of the whole text. The result is
 * what JSON.parse gives, without planned_values.root_module (and such unread keys), or JSON.parse's own error.
 *
 * One region only: a piece between two cuts would be anchored at neither end of the document, and two look-alike
 * keys at one depth inside a value would parse as a piece of their own. prior_state.values.root_module, the
 * larger unread part of update and destroy plans, would be the other candidate.
 *
 * The price: planned_values.root_module is not read, so a document damaged only inside it is not noticed.
 * Terraform does not write such a document; a truncated one still fails (its end does not parse, and the full
 * parse then reports where).
 */

const PLANNED_VALUES = ',"planned_values":{';
/**
 * Where planned_values may end: before any top-level key parse-plan reads, in whatever order the document has
 * them (the comma before the key: a key's quotes are never escaped, a string's quotes always are, so whatever
 * precedes the comma, this is structure). A key nothing reads (deferred_changes, timestamp, …) that sits right
 * after planned_values is left out with it.
 */
const READ_KEY =
  /,"(?:resource_drift|resource_changes|output_changes|action_invocations|prior_state|configuration|variables|checks|condition_results|errored|format_version|terraform_version|plan_format_version|planned_values|lineage|serial)":/g;
/** Candidates for the end of planned_values tried before giving up on the cut (each costs a failed parse). */
const END_TRIES = 4;
const ROOT_MODULE = '{"root_module":';
const OUTPUTS = '{"outputs":';
const OUTPUTS_END = '},"root_module":';
const OUTPUTS_KEY = ',"outputs":';

export function parsePlanJson(text: string): unknown {
  return parseAroundPlannedValues(text) ?? JSON.parse(text);
}

/**
 * The document with planned_values reduced to its outputs, or undefined when the text does not have Terraform's
 * layout (the caller then parses all of it).
 */
export function parseAroundPlannedValues(text: string): Record<string, unknown> | undefined {
  const key = text.indexOf(PLANNED_VALUES);
  if (key < 0) return undefined;
  // The `{` that opens planned_values' value.
  const start = key + PLANNED_VALUES.length - 1;
  const head = parsedObject(`${text.slice(0, key)}}`);
  if (head === undefined) return undefined;
  // Where it ends (the comma after it): the first candidate whose end of the document parses (one inside a value
  // fails).
  let end = -1;
  let tail: Record<string, unknown> | undefined;
  READ_KEY.lastIndex = start;
  for (let tries = 0; tail === undefined && tries < END_TRIES; tries++) {
    const next = READ_KEY.exec(text);
    if (next === null) return undefined;
    end = next.index;
    tail = parsedObject(`{${text.slice(end + 1)}`);
    READ_KEY.lastIndex = end + 1;
  }
  if (tail === undefined) return undefined;
  const plannedValues = outputsOnly(text, start, end);
  if (plannedValues === undefined || hasOwn(head, '__proto__') || hasOwn(tail, '__proto__')) return undefined;
  // As JSON.parse would build it: keys in order of first appearance, a repeated key's last value.
  head.planned_values = plannedValues;
  const keys = Object.keys(tail);
  for (let i = 0; i < keys.length; i++) head[keys[i]!] = tail[keys[i]!];
  return head;
}

/** planned_values (text from `start`, its `{`, to before `end`) as `{ outputs }`, or `{}` when it has none. */
function outputsOnly(text: string, start: number, end: number): Record<string, unknown> | undefined {
  if (text.startsWith(ROOT_MODULE, start)) {
    // No outputs before root_module (where Terraform writes them); none after it either, or all of it is parsed.
    return text.lastIndexOf(OUTPUTS_KEY, end) > start ? undefined : {};
  }
  if (!text.startsWith(OUTPUTS, start)) return undefined;
  // The cut after outputs holds when planned_values' start up to it, closed, parses (as at the top level).
  const cut = text.indexOf(OUTPUTS_END, start);
  // (A second outputs after root_module would be the one JSON.parse keeps.)
  if (cut < 0 || cut >= end || text.lastIndexOf(OUTPUTS_KEY, end) > cut) return undefined;
  const outputs = parsedObject(`${text.slice(start, cut + 1)}}`);
  return outputs !== undefined && Object.keys(outputs).length === 1 ? outputs : undefined;
}

function parsedObject(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function hasOwn(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}
