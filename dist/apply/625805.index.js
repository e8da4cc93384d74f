import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 625805;
export const ids = [625805];
export const modules = {

/***/ 73308:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   STALE_PLAN_ADVICE: () => (/* binding */ STALE_PLAN_ADVICE),
/* harmony export */   formatDuration: () => (/* binding */ formatDuration),
/* harmony export */   statusMarkdown: () => (/* binding */ statusMarkdown),
/* harmony export */   summaryMarkdown: () => (/* binding */ summaryMarkdown)
/* harmony export */ });
const STALE_PLAN_ADVICE = 'Terraform refused the reviewed plan because the state changed since it was made (another apply went first). ' +
    'Re-run the plan on the current default branch (push a commit or re-run the plan job) and merge again.';
function formatDuration(ms) {
    const seconds = Math.round(ms / 1000);
    if (seconds < 60)
        return `${seconds} s`;
    const minutes = Math.floor(seconds / 60);
    return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}
const HEADLINE = {
    applied: '✅ **Applied**',
    failed: '❌ **Apply failed**',
    stale: '⚠️ **Not applied: the plan is stale**',
    cancelled: '⏹️ **Apply cancelled**',
    'timed-out': '⏳ **Still applying when the action stopped waiting**',
    'not-started': '❌ **Not applied**',
};
/** The status block put into the environment's sticky plan comment on the merged PR. */
function statusMarkdown(report) {
    const facts = [`to \`${report.environment}\` at merge commit \`${report.commitSha.slice(0, 7)}\``];
    if (report.buildId) {
        const build = report.logUrl ? `[\`${report.buildId.slice(0, 8)}\`](${report.logUrl})` : `\`${report.buildId.slice(0, 8)}\``;
        facts.push(`Cloud Build ${build}${report.status ? ` (${report.status}${report.stepId ? ` at step \`${report.stepId}\`` : ''})` : ''}`);
    }
    if (report.durationMs !== undefined)
        facts.push(`in ${formatDuration(report.durationMs)}`);
    const lines = [`${HEADLINE[report.outcome]} ${facts.join(', ')}.`];
    if (report.outcome === 'stale')
        lines.push('', STALE_PLAN_ADVICE);
    else if (report.reason && report.outcome !== 'applied')
        lines.push('', report.reason);
    if (!report.reviewedPlan) {
        lines.push('', '_No reviewed plan was required (`require-reviewed-plan: false`): Cloud Build planned and applied in one build ' +
            '(`cloudbuild/plan-apply.yaml`), so what was applied is not necessarily the plan shown here._');
    }
    else if (report.planSha256) {
        lines.push('', `Reviewed plan \`sha256:${report.planSha256.slice(0, 12)}…\` verified before the build.`);
    }
    if (report.runUrl)
        lines.push('', `[Workflow run](${report.runUrl})`);
    return lines.join('\n');
}
/** The job summary: the same facts as a table. */
function summaryMarkdown(report) {
    const row = (k, v) => (v ? `| ${k} | ${v} |` : undefined);
    return [
        `## Terraform apply — ${report.environment}`,
        '',
        statusMarkdown({ ...report, runUrl: undefined }),
        '',
        '| | |',
        '|---|---|',
        row('Pull request', report.pullRequest ? `[#${report.pullRequest.number}](${report.pullRequest.url})` : undefined),
        row('Build', report.buildId ? (report.logUrl ? `[${report.buildId}](${report.logUrl})` : report.buildId) : undefined),
        row('Status', report.status),
        row('Attached to an earlier attempt', report.attached ? 'yes' : undefined),
        row('Plan', report.planUri ? `\`${report.planUri}\`` : report.reviewedPlan ? undefined : 'planned in the build'),
        row('Duration', report.durationMs !== undefined ? formatDuration(report.durationMs) : undefined),
        '',
    ]
        .filter((l) => l !== undefined)
        .join('\n');
}


/***/ })

};
