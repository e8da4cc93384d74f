/** The plan action's step outputs (exact names: other workflows read them). */
import { setOutputs } from '../runner.js';
import type { PlanModel } from '../../terraform/plan-model.js';
import type { ObtainedPlan } from './plan-source.js';
import type { Published } from './publish.js';

export function writePlanOutputs(model: PlanModel | undefined, plan: ObtainedPlan, published: Published, planUri = ''): void {
  const counts = model?.counts;
  setOutputs({
    'has-changes': model?.hasChanges ?? false,
    add: counts?.add ?? 0,
    change: counts?.change ?? 0,
    destroy: counts?.destroy ?? 0,
    replace: counts?.replace ?? 0,
    import: counts?.import ?? 0,
    move: counts?.move ?? 0,
    forget: counts?.forget ?? 0,
    drift: counts?.drift ?? 0,
    summary: model?.summary ?? '',
    'comment-id': published.commentId ?? '',
    'comment-url': published.commentUrl ?? '',
    'plan-json': plan.jsonPath ?? '',
    'plan-sha256': plan.sha256 ?? '',
    'plan-uri': planUri,
  });
}
