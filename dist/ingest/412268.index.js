import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 412268;
export const ids = [412268];
export const modules = {

/***/ 60:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EVENT_FAILED: () => (/* binding */ EVENT_FAILED),
/* harmony export */   EVENT_STAGE_COMPLETED: () => (/* binding */ EVENT_STAGE_COMPLETED),
/* harmony export */   EVENT_SUCCEEDED: () => (/* binding */ EVENT_SUCCEEDED),
/* harmony export */   describeOutcome: () => (/* binding */ describeOutcome),
/* harmony export */   describeProblems: () => (/* binding */ describeProblems),
/* harmony export */   didNewWork: () => (/* binding */ didNewWork),
/* harmony export */   displayUrl: () => (/* binding */ displayUrl),
/* harmony export */   formatMs: () => (/* binding */ formatMs),
/* harmony export */   ingestFailed: () => (/* binding */ ingestFailed),
/* harmony export */   ingestSucceeded: () => (/* binding */ ingestSucceeded),
/* harmony export */   reportMarkdown: () => (/* binding */ reportMarkdown),
/* harmony export */   reportOutputs: () => (/* binding */ reportOutputs),
/* harmony export */   stageCompleted: () => (/* binding */ stageCompleted)
/* harmony export */ });
const EVENT_STAGE_COMPLETED = 'ingest_stage_completed';
const EVENT_SUCCEEDED = 'ingest_succeeded';
const EVENT_FAILED = 'ingest_failed';
function labels(dataset, extra, stage) {
    return { ...extra, dataset, ...(stage ? { stage } : {}) };
}
function stageCompleted(dataset, stage, durationMs, fields, extraLabels = {}) {
    const counts = ['rows', 'bad_rows', 'bytes']
        .filter((k) => typeof fields[k] === 'number')
        .map((k) => `${k}=${fields[k]}`)
        .join(' ');
    return {
        severity: 'INFO',
        message: `ingest ${dataset}: ${stage} done in ${formatMs(durationMs)}${counts ? ` (${counts})` : ''}`,
        event: EVENT_STAGE_COMPLETED,
        stage,
        dataset,
        duration_ms: Math.round(durationMs),
        ...fields,
        'logging.googleapis.com/labels': labels(dataset, extraLabels, stage),
    };
}
/**
 * Whether this call ingested anything new. A rerun, or Pub/Sub's 50th delivery of one event, adopts what is
 * there; counting its rows again would make the monitoring module's "rows ingested" metric lie.
 */
function didNewWork(report) {
    if (report.dryRun)
        return false;
    return report.stagedNow || report.load.outcome === 'loaded' || report.load.outcome === 'launched';
}
function ingestSucceeded(report, totalMs, extraLabels = {}) {
    const what = report.dryRun ? 'dry run validated' : report.load.outcome;
    const counted = didNewWork(report);
    return {
        severity: 'INFO',
        message: `ingest ${report.dataset}: ${what}, ${report.rows} rows, ${report.badRows} bad rows, ${report.bytes} bytes in ${formatMs(totalMs)}`,
        event: EVENT_SUCCEEDED,
        dataset: report.dataset,
        // rows / bad_rows feed the metrics: only what this call newly ingested. The file's counts are always in
        // rows_in_file / bad_rows_in_file.
        rows: counted ? report.rows : 0,
        bad_rows: counted ? report.badRows : 0,
        rows_in_file: report.rows,
        bad_rows_in_file: report.badRows,
        new_work: counted,
        bytes: report.bytes,
        duration_ms: Math.round(totalMs),
        sha256: report.sha256,
        dry_run: report.dryRun,
        staged_now: report.stagedNow,
        object_uri: report.objectUri ?? null,
        load_path: report.load.path,
        load_outcome: report.load.outcome,
        job_id: report.load.jobId ?? null,
        table: report.load.table ?? null,
        'logging.googleapis.com/labels': labels(report.dataset, extraLabels),
    };
}
function ingestFailed(dataset, stage, message, totalMs, extraLabels = {}) {
    return {
        severity: 'ERROR',
        message: `ingest ${dataset} failed at ${stage}: ${message}`,
        event: EVENT_FAILED,
        stage,
        dataset,
        error: message,
        duration_ms: Math.round(totalMs),
        'logging.googleapis.com/labels': labels(dataset, extraLabels, stage),
    };
}
/** The action outputs (names as in action.yml). */
function reportOutputs(report) {
    return {
        rows: String(report.rows),
        'bad-rows': String(report.badRows),
        bytes: String(report.bytes),
        sha256: report.sha256,
        'object-uri': report.objectUri ?? '',
        'job-id': report.load.jobId ?? '',
        table: report.load.table ?? '',
    };
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
/** The job summary: a headline, what landed where, and the first bad rows when there were any. */
function reportMarkdown(report) {
    const headline = report.dryRun
        ? `### Ingest \`${report.dataset}\`: dry run — validated, nothing staged or loaded`
        : `### Ingest \`${report.dataset}\`: ${describeOutcome(report)}`;
    const rows = [
        ['Source', `\`${cell(report.source)}\``],
        ['Rows', report.rows.toLocaleString('en-US')],
        ['Bad rows', report.badRows.toLocaleString('en-US')],
        ['Bytes', report.bytes.toLocaleString('en-US')],
        ['sha256', `\`${report.sha256}\``],
    ];
    if (report.objectUri)
        rows.push(['Staged object', `\`${cell(report.objectUri)}\`${report.stagedNow ? '' : ` (already staged on ${report.firstSeen})`}`]);
    if (report.quarantineUri)
        rows.push(['Quarantine', `\`${cell(report.quarantineUri)}\``]);
    if (report.load.table)
        rows.push(['Table', `\`${cell(report.load.table)}\``]);
    if (report.load.jobId)
        rows.push(['Job', `\`${cell(report.load.jobId)}\`${report.load.outcome === 'adopted' ? ' (adopted)' : ''}`]);
    if (report.rowsLoaded !== undefined)
        rows.push(['Rows in load job', report.rowsLoaded.toLocaleString('en-US')]);
    const durations = Object.entries(report.durationsMs)
        .map(([stage, ms]) => `${stage} ${formatMs(ms)}`)
        .join(' · ');
    if (durations)
        rows.push(['Durations', durations]);
    const lines = [headline, '', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
    if (report.firstProblems.length > 0) {
        lines.push('', `<details><summary>First bad rows (${report.badRows} in total)</summary>`, '');
        for (const problem of report.firstProblems)
            lines.push(`- ${cell(problem)}`);
        lines.push('', '</details>');
    }
    return lines.join('\n') + '\n';
}
function describeOutcome(report) {
    switch (report.load.outcome) {
        case 'loaded':
            return `loaded into ${report.load.table}`;
        case 'adopted':
            return `already loaded (job ${report.load.jobId} adopted, nothing changed)`;
        case 'launched':
            return `Dataflow job ${report.load.jobId} launched`;
        case 'scheduled':
            return 'staged for the scheduled Dataflow job';
        case 'skipped':
            return report.stagedNow ? 'staged (load: none)' : 'already staged (load: none)';
    }
}
function formatMs(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
/** A URL safe to print: no user:password, no query (signed URLs carry their token there), no fragment. */
function displayUrl(url) {
    try {
        const u = new URL(url);
        if (u.protocol === 'file:')
            return u.pathname;
        u.username = '';
        u.password = '';
        const hadQuery = u.search.length > 0;
        u.search = '';
        u.hash = '';
        return u.toString() + (hadQuery ? '?…' : '');
    }
    catch {
        return url;
    }
}
/** Bad-row descriptions from the validator, whatever shape it reports them in. */
function describeProblems(problems) {
    return problems.map((p) => {
        if (typeof p === 'string')
            return p;
        if (p && typeof p === 'object') {
            const o = p;
            const line = o.line ?? o.lineNumber ?? o.row;
            const reason = o.reason ?? o.message ?? o.error;
            if (reason !== undefined)
                return line !== undefined ? `line ${String(line)}: ${String(reason)}` : String(reason);
        }
        return JSON.stringify(p);
    });
}


/***/ })

};
