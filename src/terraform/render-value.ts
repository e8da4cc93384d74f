/**
 * Plan values → one-line display strings, with Terraform's markers applied on the way: anything under a
 * sensitive marker (or containing a known secret) becomes `(sensitive value)`, anything under an unknown
 * marker `(known after apply)`. The output is plain text; markdown escaping is the renderer's job.
 */
import { KNOWN_AFTER_APPLY, SENSITIVE } from './plan-model.js';
import type { SensitiveStrings } from './sensitive-strings.js';

/** A value longer than this is cut: a 200 KB policy document helps nobody in a PR comment. */
export const MAX_VALUE_CHARS = 1000;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Keys already written, for the attribute names every resource of a type repeats. Bounded, because map keys
 * (tags, for_each maps) are user data that need not repeat at all.
 */
const KEY_NAMES = new Map<string, string>();
const KEY_NAMES_MAX = 4096;

/** `name` as Terraform writes a key: bare when it is an identifier, quoted otherwise. */
export function keyName(key: string): string {
  let name = KEY_NAMES.get(key);
  if (name === undefined) {
    name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
    if (KEY_NAMES.size < KEY_NAMES_MAX) KEY_NAMES.set(key, name);
  }
  return name;
}

/** The marker for child `key` of a container marker (`true` covers all children). */
export function childMarker(marker: unknown, key: string | number): unknown {
  if (marker === true) return true;
  if (marker === null || typeof marker !== 'object') return undefined;
  return (marker as Record<string | number, unknown>)[key];
}

/** True when `marker` is `true` or holds a `true` somewhere inside. */
export function hasTrue(marker: unknown): boolean {
  if (marker === true) return true;
  if (marker === null || typeof marker !== 'object') return false;
  if (Array.isArray(marker)) return marker.some(hasTrue);
  const keys = Object.keys(marker);
  for (let i = 0; i < keys.length; i++) if (hasTrue((marker as Record<string, unknown>)[keys[i]!])) return true;
  return false;
}

export function renderValue(
  value: unknown,
  sensitive: unknown,
  unknown: unknown,
  secrets: SensitiveStrings,
  limit = MAX_VALUE_CHARS,
): string {
  // Most values are leaves: their text needs no walk (this runs for every attribute shown).
  const leaf = leafText(value, sensitive, unknown, secrets);
  let text: string;
  if (leaf !== undefined) {
    text = leaf;
  } else {
    const out: WriteState = { text: '', limit };
    write(value, sensitive, unknown, secrets, out);
    text = out.text;
  }
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${text.length - limit} more characters)`;
}

/** The text of a value that is not a list or a map (or is hidden by a marker); undefined for containers. */
function leafText(value: unknown, sensitive: unknown, unknown: unknown, secrets: SensitiveStrings): string | undefined {
  if (sensitive === true) return SENSITIVE;
  if (unknown === true) return KNOWN_AFTER_APPLY;
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return secrets.matches(value) ? SENSITIVE : JSON.stringify(value);
    case 'number':
      return secrets.matches(String(value)) ? SENSITIVE : String(value);
    case 'boolean':
      return String(value);
    default:
      return undefined;
  }
}

/**
 * The text so far (concatenated, not collected in a list and joined: in uncompiled code a call per token cost
 * more than the token, and an updated resource's old value is rendered whole) and the length past which it is cut.
 */
interface WriteState {
  text: string;
  limit: number;
}

function write(value: unknown, sensitive: unknown, unknown: unknown, secrets: SensitiveStrings, out: WriteState): void {
  // Past the limit the text is cut anyway; stop walking so a huge value costs no more than a small one.
  if (out.text.length > out.limit) return;
  const leaf = leafText(value, sensitive, unknown, secrets);
  if (leaf !== undefined) {
    out.text += leaf;
    return;
  }
  if (Array.isArray(value)) {
    out.text += '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.text += ', ';
      write(value[i], childMarker(sensitive, i), childMarker(unknown, i), secrets, out);
      if (out.text.length > out.limit) break;
    }
    out.text += ']';
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 0) {
    out.text += '{}';
    return;
  }
  out.text += '{ ';
  for (let i = 0; i < keys.length; i++) {
    if (out.text.length > out.limit) break;
    const key = keys[i]!;
    if (i > 0) out.text += ', ';
    out.text += `${secrets.matches(key) ? SENSITIVE : keyName(key)} = `;
    write(record[key], childMarker(sensitive, key), childMarker(unknown, key), secrets, out);
  }
  out.text += ' }';
}
