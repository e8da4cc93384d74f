/**
 * JSON.parse of `terraform show -json` output, less one of the two parts nothing here reads: every resource's
 * values over again, as planned (planned_values.root_module) or as they were (prior_state.values.root_module).
 * Not building it saves that share of the parse and of the memory. The larger of the two is left out: in a plan
 * that creates, planned_values (44% of the bytes of the bench plans); in one that destroys, prior_state (48%);
 * in one that updates, prior_state (30%, planned_values 22%). The whole plan action on plans that create 30,000 /
 * 10,000 / 1,000 resources: 680 → 547 ms (medians of 7), 388 → 325 ms (medians of 9), about −4 ms (paired median
 * of 100); peak RSS at 30,000, 194 → 167 MiB. Plans that destroy or update: see parseAroundPriorState.
 *
 * Terraform (and OpenTofu) write the document compactly with the top-level keys in a fixed order: format_version,
 * terraform_version, variables, planned_values, resource_drift, resource_changes, deferred_changes,
 * output_changes, prior_state, configuration, …, whichever are present. When the text has that layout, it is
 * parsed in two pieces around the part left out: everything before `,"<key>":` closed with `}`, and everything
 * after its value opened with `{`. Of the value itself only `outputs` is parsed (sensitive outputs are secrets
 * to mask), and for prior_state the small header before `values`.
 *
 * Why the cuts are exact. Inside a JSON string every quote is escaped, so `,"planned_values":{` and
 * `,"resource_changes":` in the text are structure, never string content; but structure at any depth (a
 * terraform_data input can be an object with a key named resource_changes). So a cut is trusted only once the
 * piece it makes has parsed: the start of a document plus `}` is a JSON object only when the cut is at the top
 * level, and so is `{` plus the end of a document. The value ends where the next top-level key begins, so its
 * end is looked for as `,"<key>":` for every top-level key parse-plan reads (each candidate tried until one
 * holds): only keys nothing reads can sit between the value and the first of those, and they are left out with
 * it. Anything else (no candidate that holds within a few tries, a piece that does not parse, a layout not
 * expected, a `__proto__` key, a letter written as a `\u` escape in the part left out) falls back to one JSON.parse
 * of the whole text. The result is what JSON.parse gives, without that root_module (and such unread keys), or
 * JSON.parse's own error.
 *
 * One region only: a piece between two cuts would be anchored at neither end of the document, and two look-alike
 * keys at one depth inside a value would parse as a piece of their own.
 *
 * The price: the root_module left out is not read, so a document damaged only inside it is not noticed.
 * Terraform does not write such a document; a truncated one still fails (its end does not parse, and the full
 * parse then reports where).
 */

const PLANNED_VALUES = ',"planned_values":{';
const PRIOR_STATE = ',"prior_state":{';
/** prior_state's `values`, after its format_version and terraform_version. */
const STATE_VALUES = ',"values":{';
const CONFIGURATION = ',"configuration":';
/**
 * Where the value left out may end: before any top-level key parse-plan reads, in whatever order the document
 * has them (the comma before the key: a key's quotes are never escaped, a string's quotes always are, so whatever
 * precedes the comma, this is structure). A key nothing reads (deferred_changes, timestamp, …) that sits right
 * after the value is left out with it.
 */
const READ_KEY =
  /,"(?:resource_drift|resource_changes|output_changes|action_invocations|prior_state|configuration|variables|checks|condition_results|errored|format_version|terraform_version|plan_format_version|planned_values|lineage|serial)":/g;
/** Candidates for the end of the value tried before giving up on the cut (each costs a failed parse). */
const END_TRIES = 4;
const ROOT_MODULE = '{"root_module":';
const OUTPUTS = '{"outputs":';
const OUTPUTS_END = '},"root_module":';
/** An outputs key after root_module's start: in planned_values, one of its own keys (it has no other objects). */
const OUTPUTS_KEY = ',"outputs":';
/** The same in prior_state: any key so named, as a second values key could also be written after values. */
const ANY_OUTPUTS_KEY = '"outputs":';

type Doc = Record<string, unknown>;

export function parsePlanJson(text: string): unknown {
  return parseAroundUnreadValues(text)?.doc ?? JSON.parse(text);
}

/** Which root_module was left out, and the document without it; undefined when the whole text must be parsed. */
export function parseAroundUnreadValues(text: string): { doc: Doc; without: 'planned_values' | 'prior_state' } | undefined {
  const priorState = largerPriorState(text);
  if (priorState >= 0) {
    const doc = cutPriorState(text, priorState);
    return doc && { doc, without: 'prior_state' };
  }
  const doc = parseAroundPlannedValues(text);
  return doc && { doc, without: 'planned_values' };
}

/**
 * The document with planned_values reduced to its outputs, or undefined when the text does not have Terraform's
 * layout (the caller then parses all of it).
 */
export function parseAroundPlannedValues(text: string): Doc | undefined {
  const key = text.indexOf(PLANNED_VALUES);
  if (key < 0) return undefined;
  // The `{` that opens planned_values' value.
  const start = key + PLANNED_VALUES.length - 1;
  const around = cutAround(text, key, start);
  if (around === undefined) return undefined;
  const plannedValues = outputsOnly(text, start, around.end, OUTPUTS_KEY);
  return plannedValues && assembled(around.head, 'planned_values', plannedValues, around.tail);
}

/**
 * The document with prior_state.values reduced to its outputs, or undefined as above. Terraform writes prior_state
 * as `{"format_version":…,"terraform_version":…,"values":{"outputs":…,"root_module":…}}`: the header before
 * values is parsed on its own, and its parse anchors values at prior_state's top level as the head's anchors
 * prior_state. Measured on 1,000-resource plans, the whole plan action, against leaving out planned_values:
 * destroys about −12 ms, updates about −3 ms (paired A/B medians of 40, less the A/B script's order bias).
 */
export function parseAroundPriorState(text: string): Doc | undefined {
  return cutPriorState(text, text.indexOf(PRIOR_STATE));
}

/** parseAroundPriorState with prior_state's key (its comma) at `key`, as found: the cut checks it. */
function cutPriorState(text: string, key: number): Doc | undefined {
  if (key < 0) return undefined;
  const start = key + PRIOR_STATE.length - 1;
  const valuesKey = text.indexOf(STATE_VALUES, start);
  if (valuesKey < 0) return undefined;
  const valuesStart = valuesKey + STATE_VALUES.length - 1;
  // (A `values` key in the header, which Terraform does not write, is replaced below, as JSON.parse keeps the last.)
  const header = parsedObject(`${text.slice(start, valuesKey)}}`);
  if (header === undefined || hasOwn(header, '__proto__')) return undefined;
  const around = cutAround(text, key, valuesStart);
  if (around === undefined) return undefined;
  // values is prior_state's last key as Terraform writes it. A second `values` after it would be the one JSON.parse
  // keeps: when it has outputs, so does the text after root_module's start, and all of it is parsed. (Without, its
  // outputs are the first values' ones: masked, as JSON.parse's reading would not.)
  const values = outputsOnly(text, valuesStart, around.end, ANY_OUTPUTS_KEY);
  if (values === undefined) return undefined;
  header.values = values;
  return assembled(around.head, 'prior_state', header, around.tail);
}

/**
 * The document before `key` (the comma before a top-level key) and after that key's value, each parsed, the
 * value's end being the first candidate from `from` whose end of the document parses (one inside a value fails).
 */
function cutAround(text: string, key: number, from: number): { head: Doc; end: number; tail: Doc } | undefined {
  const head = parsedObject(`${text.slice(0, key)}}`);
  if (head === undefined || hasOwn(head, '__proto__')) return undefined;
  READ_KEY.lastIndex = from;
  for (let tries = 0; tries < END_TRIES; tries++) {
    const next = READ_KEY.exec(text);
    if (next === null) return undefined;
    const end = next.index;
    const tail = parsedObject(`{${text.slice(end + 1)}`);
    if (tail !== undefined) return hasOwn(tail, '__proto__') || escapedLetter(text, from, end) ? undefined : { head, end, tail };
    READ_KEY.lastIndex = end + 1;
  }
  return undefined;
}

/**
 * Whether the text left out has a letter or `_` written as a `\u` escape. A key spelled so (`"\u0063onfiguration"`)
 * is the key it decodes to, but READ_KEY cannot see it, so such a read key there would go unread. Terraform's
 * encoder never writes one (it escapes `<`, `>`, `&`, control characters and U+2028/9), so real plans pass; an
 * escaped backslash before `u00` is also counted, which only costs a full parse.
 */
function escapedLetter(text: string, from: number, end: number): boolean {
  // A slice, searched forwards (see keyBetween): indexOf on the whole text would run on past `end` when none is left.
  const region = text.slice(from, end);
  for (let at = region.indexOf('\\u00'); at >= 0; at = region.indexOf('\\u00', at + 1)) {
    const high = region.charCodeAt(at + 4);
    // `5`–`7`: code points 0x50–0x7f, which hold `_` and the letters a–z.
    if (high >= 0x35 && high <= 0x37) return true;
  }
  return false;
}

/** As JSON.parse would build it: keys in order of first appearance, a repeated key's last value. */
function assembled(head: Doc, key: string, value: Doc, tail: Doc): Doc {
  head[key] = value;
  const keys = Object.keys(tail);
  for (let i = 0; i < keys.length; i++) head[keys[i]!] = tail[keys[i]!];
  return head;
}

/**
 * An object holding outputs and root_module (text from `start`, its `{`, to before `end`) as `{ outputs }`, or
 * `{}` when it has none; undefined when an `"outputs":` key comes after root_module's start (a second outputs,
 * which JSON.parse would keep, or a resource attribute of that name: parsed whole either way).
 */
function outputsOnly(text: string, start: number, end: number, laterOutputs: string): Doc | undefined {
  if (text.startsWith(ROOT_MODULE, start)) return keyBetween(text, laterOutputs, start, end) ? undefined : {};
  if (!text.startsWith(OUTPUTS, start)) return undefined;
  // The cut after outputs holds when the object's start up to it, closed, parses (as at the top level).
  const cut = text.indexOf(OUTPUTS_END, start);
  if (cut < 0 || cut >= end || keyBetween(text, laterOutputs, cut, end)) return undefined;
  const outputs = parsedObject(`${text.slice(start, cut + 1)}}`);
  return outputs !== undefined && Object.keys(outputs).length === 1 ? outputs : undefined;
}

/** Whether `key` is in the text between `from` and `end`: a slice is not a copy, and V8 searches forwards several times faster than backwards (lastIndexOf: 1.3 ms for 2 MB, this 0.3 ms). */
function keyBetween(text: string, key: string, from: number, end: number): boolean {
  return text.slice(from + 1, end).includes(key);
}

/**
 * Where prior_state's key is when its values are likely the larger part to leave out, else -1; judged from where
 * keys are, without parsing anything (a wrong guess costs speed, never correctness). Terraform writes prior_state
 * right before configuration, near the end of the document, and planned_values right before resource_drift or
 * resource_changes. When there is no prior state, configuration follows a list, and nothing more is searched.
 * (Searched forwards where it can: see keyBetween.)
 */
function largerPriorState(text: string): number {
  const configuration = text.lastIndexOf(CONFIGURATION);
  if (configuration < 0 || text.charCodeAt(configuration - 1) !== 0x7d /* } */) return -1;
  const plannedValues = text.indexOf(PLANNED_VALUES);
  let plannedEnd = plannedValues < 0 ? -1 : plannedValuesEnd(text, plannedValues, configuration);
  const priorState = text.indexOf(PRIOR_STATE, Math.max(plannedEnd, plannedValues, 0));
  if (priorState < 0 || priorState > configuration) return -1;
  if (plannedValues < 0 || plannedValues > priorState) return priorState;
  // Without resource changes, planned_values runs up to output_changes or prior_state: at most this.
  if (plannedEnd < 0 || plannedEnd > priorState) plannedEnd = priorState;
  return configuration - priorState > plannedEnd - plannedValues ? priorState : -1;
}

/** Where planned_values likely ends: before resource_drift or resource_changes (-1 when neither is before `limit`). */
function plannedValuesEnd(text: string, from: number, limit: number): number {
  for (let at = text.indexOf('}},"resource_', from); at >= 0 && at < limit; at = text.indexOf('}},"resource_', at + 1)) {
    if (text.startsWith('drift":[', at + 13) || text.startsWith('changes":[', at + 13)) return at + 2;
  }
  return -1;
}

function parsedObject(text: string): Doc | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Doc) : undefined;
}

function hasOwn(record: Doc, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}
