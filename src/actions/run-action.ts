/**
 * The one way an action ends: `<action> failed with: <message>` on a user mistake (no stack), the same line
 * plus the stack in the debug log on a bug. Whatever is thrown, the step goes red — never green by accident.
 */
import { UserError, messageOf } from '../errors.js';
import { debug, setFailed } from './runner.js';

export async function runAction(action: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (!(error instanceof UserError) && error instanceof Error && error.stack) debug(error.stack);
    setFailed(`${action} failed with: ${messageOf(error)}`);
  }
}
