// Placeholder until the plan command lands; replaced by its owner.
import { UserError } from '../errors.js';

export async function main(_argv: string[]): Promise<number> {
  throw new UserError('the plan command is not available yet.');
}
