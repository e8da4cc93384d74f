// Placeholder until the ingest command lands; replaced by its owner.
import { UserError } from '../errors.js';

export async function main(_argv: string[]): Promise<number> {
  throw new UserError('the ingest command is not available yet.');
}
