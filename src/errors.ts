/**
 * A mistake the user can fix (bad input, missing plan, refused URL). Entry points print its message as one
 * sentence, without a stack trace; anything else is a bug and keeps its stack for the debug log.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/** The message of anything thrown, for the one failure line. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
