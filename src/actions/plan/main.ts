import { runAction } from '../run-action.js';
import { info } from '../runner.js';

export async function run(): Promise<void> {
  await runAction('plan', async () => {
    info('plan: not implemented yet');
  });
}
