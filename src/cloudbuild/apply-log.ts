/**
 * Reading the outcome of cloudbuild/apply.yaml from its log. Terraform refuses a saved plan whose state moved on
 * with "Error: Saved plan is stale"; the apply step repeats it as a `dc-pipeline: stale plan` line so the action
 * can tell "re-run the plan" apart from any other apply failure.
 */
export const STALE_PLAN_MARKER = 'dc-pipeline: stale plan';

const TERRAFORM_STALE = /Saved plan is stale/;

export function isStalePlanLine(line: string): boolean {
  return line.includes(STALE_PLAN_MARKER) || TERRAFORM_STALE.test(line);
}
