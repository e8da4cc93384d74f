/**
 * The clear-text secrets of one plan, collected once while parsing, so that every rendered value can be
 * checked against them.
 *
 * Why check values at all when Terraform marks sensitive paths? Because the marks are not complete: a
 * `terraform_data` whose `input` is a sensitive variable keeps its derived `output` unmarked in state, and the
 * next plan carries the old secret in clear text without any `*_sensitive` marker (Terraform's own `show`
 * prints it). Any rendered value that contains a known secret is therefore masked as a whole.
 */

/** Secrets shorter than this are only masked on an exact match: as substrings they would mask half the plan. */
const MIN_SUBSTRING_LENGTH = 4;
/**
 * Shorter values are not offered as log masks: the runner replaces a mask wherever it occurs, and a mask of `1`,
 * `no` or a port number like `443` would make every log unreadable and cut into hashes and ids (Google's own
 * get-secretmanager-secrets action has the same floor). What we render never prints a sensitive value: it is
 * replaced by structure, at any length (render-value.ts); the masks are the second line of defence.
 */
const MIN_MASK_LENGTH = 4;
/** Lines of a multi-line secret are masked on their own only when long enough not to be ordinary text. */
const MIN_LINE_LENGTH = 8;

export class SensitiveStrings {
  private readonly exact = new Set<string>();
  private readonly substrings = new Set<string>();

  /** Every primitive leaf of `value` becomes a secret. */
  add(value: unknown): void {
    if (value === null || value === undefined || typeof value === 'boolean') return;
    if (typeof value === 'string' || typeof value === 'number') {
      this.addLeaf(String(value));
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) this.add(item);
      return;
    }
    if (typeof value === 'object') {
      for (const key of Object.keys(value)) this.add((value as Record<string, unknown>)[key]);
    }
  }

  /**
   * Walk `value` alongside Terraform's sensitivity marker (`true`, or an object/array of markers mirroring the
   * value) and add what sits under a `true`.
   */
  addMarked(value: unknown, marker: unknown): void {
    if (marker === true) {
      this.add(value);
      return;
    }
    if (marker === null || typeof marker !== 'object' || value === null || typeof value !== 'object') return;
    if (Array.isArray(marker)) {
      if (!Array.isArray(value)) return;
      for (let i = 0; i < marker.length; i++) this.addMarked(value[i], marker[i]);
      return;
    }
    const values = value as Record<string, unknown>;
    const markers = marker as Record<string, unknown>;
    // An index loop: this runs for every resource, in code V8 has not optimised (for-of allocates per step).
    const keys = Object.keys(markers);
    for (let i = 0; i < keys.length; i++) this.addMarked(values[keys[i]!], markers[keys[i]!]);
  }

  /** True when the plan has no secrets at all: nothing can match. */
  get empty(): boolean {
    return this.exact.size === 0;
  }

  /** True when `text` is, or contains, a secret of this plan. */
  matches(text: string): boolean {
    if (this.exact.size === 0 || text.length === 0) return false;
    if (this.exact.has(text)) return true;
    for (const secret of this.substrings) if (text.includes(secret)) return true;
    return false;
  }

  /** `text` with every secret replaced by `replacement` (for free text such as diagnostics). */
  redact(text: string, replacement = '***'): string {
    if (this.exact.size === 0) return text;
    let out = text;
    // Longest first, so that a secret containing another is replaced whole.
    const secrets = [...this.substrings].sort((a, b) => b.length - a.length);
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(replacement);
    return out;
  }

  /** The secrets worth registering as log masks, longest first, deterministic. */
  maskList(): string[] {
    return [...this.exact]
      .filter((s) => s.trim().length >= MIN_MASK_LENGTH)
      .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  }

  private addLeaf(text: string): void {
    if (text.length === 0) return;
    this.exact.add(text);
    if (text.length >= MIN_SUBSTRING_LENGTH) this.substrings.add(text);
    // A multi-line secret (a key, a certificate) can surface one line at a time.
    if (text.includes('\n')) {
      for (const line of text.split(/\r?\n/)) {
        const trimmed = line.trim();
        if (trimmed.length >= MIN_LINE_LENGTH) {
          this.exact.add(trimmed);
          this.substrings.add(trimmed);
        }
      }
    }
  }
}
