import { describe, expect, it } from 'vitest';
import { formatDuration, statusMarkdown, summaryMarkdown, type ApplyReport } from '../../src/apply/outcome.js';

const base: ApplyReport = {
  outcome: 'applied',
  environment: 'prod',
  commitSha: 'abcdef1234567890abcdef1234567890abcdef12',
  pullRequest: { number: 7, url: 'https://github.com/o/r/pull/7' },
  buildId: '0123456789abcdef',
  status: 'SUCCESS',
  logUrl: 'https://console.cloud.google.com/cloud-build/builds/0123',
  planUri: 'gs://plans/x/plan.tfplan',
  planSha256: 'f'.repeat(64),
  reviewedPlan: true,
  durationMs: 83_400,
  attached: false,
};

describe('apply outcome wording', () => {
  it('formats durations as seconds, then minutes and seconds', () => {
    expect(formatDuration(4_400)).toBe('4 s');
    expect(formatDuration(83_400)).toBe('1 min 23 s');
    expect(formatDuration(3_600_000)).toBe('60 min 00 s');
  });

  it('says applied with the environment, merge commit, linked build, duration and the verified plan', () => {
    const md = statusMarkdown(base);
    expect(md.split('\n')[0]).toBe(
      '✅ **Applied** to `prod` at merge commit `abcdef1`, Cloud Build [`01234567`](https://console.cloud.google.com/cloud-build/builds/0123) (SUCCESS), in 1 min 23 s.',
    );
    expect(md).toContain('Reviewed plan `sha256:ffffffffffff…` verified before the build.');
  });

  it('tells the user to re-run the plan when it was stale, and names the failing step otherwise', () => {
    expect(statusMarkdown({ ...base, outcome: 'stale', status: 'FAILURE', stepId: 'apply' })).toContain('Re-run the plan on the current default branch');
    const failed = statusMarkdown({ ...base, outcome: 'failed', status: 'FAILURE', stepId: 'init', reason: 'Cloud Build build x ended FAILURE' });
    expect(failed).toContain('❌ **Apply failed**');
    expect(failed).toContain('(FAILURE at step `init`)');
    expect(failed).toContain('Cloud Build build x ended FAILURE');
  });

  it('says so when no reviewed plan was required', () => {
    const md = statusMarkdown({ ...base, reviewedPlan: false, planUri: undefined, planSha256: undefined });
    expect(md).toContain('No reviewed plan was required (`require-reviewed-plan: false`)');
    expect(md).not.toContain('verified before the build');
    expect(summaryMarkdown({ ...base, reviewedPlan: false, planUri: undefined })).toContain('| Plan | planned in the build |');
  });

  it('summarises the run as a table, marking an attached build', () => {
    const md = summaryMarkdown({ ...base, attached: true });
    expect(md).toContain('| Pull request | [#7](https://github.com/o/r/pull/7) |');
    expect(md).toContain('| Attached to an earlier attempt | yes |');
    expect(md).toContain('| Duration | 1 min 23 s |');
  });
});
