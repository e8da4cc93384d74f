/**
 * Strict readers for action inputs. Every reader names the input, the value it got and what it expected, so
 * a typo in a workflow fails fast with one sentence instead of silently falling back to a default.
 */
import { UserError } from '../errors.js';
import { getInput } from './runner.js';

export function stringInput(name: string, fallback = ''): string {
  return getInput(name) || fallback;
}

export function requiredInput(name: string): string {
  const value = getInput(name);
  if (!value) throw new UserError(`Input \`${name}\` is required and was empty.`);
  return value;
}

export function choiceInput<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = getInput(name);
  if (!value) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(
    `Input \`${name}\` was "${value}"; expected one of: ${allowed.map((a) => `"${a}"`).join(', ')}.`,
  );
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/** Booleans the way the YAML 1.2 core schema (and @actions/core) spells them; anything else is an error. */
export function booleanInput(name: string, fallback: boolean): boolean {
  const value = getInput(name);
  if (!value) return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new UserError(`Input \`${name}\` was "${value}"; expected "true" or "false".`);
}

export function integerInput(name: string, fallback: number, min = 0): number {
  const value = getInput(name);
  if (!value) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new UserError(`Input \`${name}\` was "${value}"; expected a whole number ≥ ${min}.`);
  }
  return n;
}

/** Newline-separated values, blank lines and surrounding spaces dropped. */
export function linesInput(name: string): string[] {
  return getInput(name)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** Durations like "90s", "45m", "2h" or plain seconds. */
export function durationInput(name: string, fallbackSeconds: number): number {
  const value = getInput(name);
  if (!value) return fallbackSeconds;
  const m = /^(\d+)\s*(s|m|h)?$/.exec(value);
  if (!m) throw new UserError(`Input \`${name}\` was "${value}"; expected a duration such as "90s", "45m" or "2h".`);
  const unit = m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1;
  return Number(m[1]) * unit;
}
