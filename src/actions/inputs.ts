/**
 * Strict readers for action inputs. Every reader names the input, the value it got and what it expected, so
 * a typo in a workflow fails fast with one sentence instead of silently falling back to a default.
 *
 * The reader is built over a lookup function, so an action reads INPUT_* variables (`fromRunner()`) and the
 * CLI reads its flags (`fromFlags()`) through the same parseInputs() of each action.
 */
import { UserError } from '../errors.js';
import { getInput } from './runner.js';

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

export class InputReader {
  constructor(
    private readonly lookup: (name: string) => string,
    /** How a name is shown in messages: `input \`x\`` for actions, `--x` for the CLI (for checks made later too). */
    readonly label: (name: string) => string = (name) => `Input \`${name}\``,
  ) {}

  static fromRunner(): InputReader {
    return new InputReader((name) => getInput(name));
  }

  static fromFlags(flags: Map<string, string>): InputReader {
    return new InputReader(
      (name) => (flags.get(name) ?? '').trim(),
      (name) => `Flag --${name}`,
    );
  }

  raw(name: string): string {
    return this.lookup(name);
  }

  string(name: string, fallback = ''): string {
    return this.lookup(name) || fallback;
  }

  required(name: string): string {
    const value = this.lookup(name);
    if (!value) throw new UserError(`${this.label(name)} is required and was empty.`);
    return value;
  }

  choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.lookup(name);
    if (!value) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new UserError(
      `${this.label(name)} was "${value}"; expected one of: ${allowed.map((a) => `"${a}"`).join(', ')}.`,
    );
  }

  /** Booleans the way the YAML 1.2 core schema (and @actions/core) spells them; anything else is an error. */
  boolean(name: string, fallback: boolean): boolean {
    const value = this.lookup(name);
    if (!value) return fallback;
    if (TRUE.includes(value)) return true;
    if (FALSE.includes(value)) return false;
    throw new UserError(`${this.label(name)} was "${value}"; expected "true" or "false".`);
  }

  integer(name: string, fallback: number, min = 0): number {
    const value = this.lookup(name);
    if (!value) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) {
      throw new UserError(`${this.label(name)} was "${value}"; expected a whole number ≥ ${min}.`);
    }
    return n;
  }

  /** Newline-separated values, blank lines and surrounding spaces dropped. */
  lines(name: string): string[] {
    return this.lookup(name)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
  }

  /** KEY=VALUE lines (substitutions, env). */
  keyValues(name: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const line of this.lines(name)) {
      const eq = line.indexOf('=');
      if (eq <= 0) throw new UserError(`${this.label(name)} has the line "${line}"; expected KEY=VALUE.`);
      out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
    }
    return out;
  }

  /** Durations like "90s", "45m", "2h" or plain seconds; returns seconds. */
  duration(name: string, fallbackSeconds: number): number {
    const value = this.lookup(name);
    if (!value) return fallbackSeconds;
    const m = /^(\d+)\s*(s|m|h)?$/.exec(value);
    if (!m) {
      throw new UserError(`${this.label(name)} was "${value}"; expected a duration such as "90s", "45m" or "2h".`);
    }
    const unit = m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1;
    return Number(m[1]) * unit;
  }
}
