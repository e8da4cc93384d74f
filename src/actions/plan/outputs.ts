/** The plan action's step outputs (exact names: other workflows read them). */
import { setOutput } from '../runner.js';
import type { PlanModel } from '../../terraform/plan-model.js';
import type { ObtainedPlan } from './plan-source.js';
import type { Published } from './publish.js';

export function writePlanOutputs(model: PlanModel | undefined, plan: ObtainedPlan, published: Published, planUri = ''): void {
  const counts = model?.counts;
  setOutput('has-changes', model?.hasChanges ?? false);
  setOutput('add', counts?.add ?? 0);
  setOutput('change', counts?.change ?? 0);
  setOutput('destroy', counts?.destroy ?? 0);
  setOutput('replace', counts?.replace ?? 0);
  setOutput('import', counts?.import ?? 0);
  setOutput('move', counts?.move ?? 0);
  setOutput('forget', counts?.forget ?? 0);
  setOutput('drift', counts?.drift ?? 0);
  setOutput('summary', model?.summary ?? '');
  setOutput('comment-id', published.commentId ?? '');
  setOutput('comment-url', published.commentUrl ?? '');
  setOutput('plan-json', plan.jsonPath ?? '');
  setOutput('plan-sha256', plan.sha256 ?? '');
  setOutput('plan-uri', planUri);
}
