import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 941562;
export const ids = [941562];
export const modules = {

/***/ 19319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ RUNNING_STATUSES),
/* harmony export */   B9: () => (/* binding */ consoleUrl),
/* harmony export */   Hd: () => (/* binding */ isTerminal),
/* harmony export */   RJ: () => (/* binding */ logObjectOf),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   sV: () => (/* binding */ failingStepId),
/* harmony export */   zu: () => (/* binding */ NOT_STARTED_STATUSES)
/* harmony export */ });
/* unused harmony export FAILED_STATUSES */
// Numbers from google/devtools/cloudbuild/v1/cloudbuild.proto (Build.Status); the library may hand back either.
const STATUS_BY_NUMBER = {
    0: 'STATUS_UNKNOWN',
    10: 'PENDING',
    1: 'QUEUED',
    2: 'WORKING',
    3: 'SUCCESS',
    4: 'FAILURE',
    5: 'INTERNAL_ERROR',
    6: 'TIMEOUT',
    7: 'CANCELLED',
    9: 'EXPIRED',
};
const RUNNING_STATUSES = new Set(['PENDING', 'QUEUED', 'WORKING']);
/** Statuses in which the build has not started running steps: the only ones in which we cancel. */
const NOT_STARTED_STATUSES = new Set(['PENDING', 'QUEUED']);
const FAILED_STATUSES = new Set([
    'FAILURE',
    'INTERNAL_ERROR',
    'TIMEOUT',
    'CANCELLED',
    'EXPIRED',
]);
function statusOf(status) {
    if (typeof status === 'number')
        return STATUS_BY_NUMBER[status] ?? 'STATUS_UNKNOWN';
    if (typeof status === 'string' && Object.values(STATUS_BY_NUMBER).includes(status)) {
        return status;
    }
    return 'STATUS_UNKNOWN';
}
function isTerminal(status) {
    return status === 'SUCCESS' || FAILED_STATUSES.has(status);
}
/**
 * The id of the step that failed: the first step whose own status is a failure (Cloud Build sets per-step
 * statuses), else undefined (e.g. the build expired in the queue, or failed fetching source).
 */
function failingStepId(build) {
    const steps = build.steps ?? [];
    for (const [index, step] of steps.entries()) {
        if (FAILED_STATUSES.has(statusOf(step.status)) && statusOf(step.status) !== 'CANCELLED') {
            return step.id || `step #${index}`;
        }
    }
    return undefined;
}
/** The Cloud console page of a build (what Cloud Build puts in logUrl), for when the API did not give one. */
function consoleUrl(projectId, region, buildId) {
    return `https://console.cloud.google.com/cloud-build/builds;region=${encodeURIComponent(region)}/${encodeURIComponent(buildId)}?project=${encodeURIComponent(projectId)}`;
}
/** Where Cloud Build writes the build's log object: `<logsBucket>/log-<id>.txt`. */
function logObjectOf(build) {
    const m = /^gs:\/\/([^/]+)(?:\/(.*))?$/.exec(build.logsBucket ?? '');
    if (!m || !build.id)
        return undefined;
    const prefix = (m[2] ?? '').replace(/\/+$/, '');
    return { bucket: m[1], name: `${prefix ? `${prefix}/` : ''}log-${build.id}.txt` };
}


/***/ }),

/***/ 23676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CloudBuildError: () => (/* binding */ CloudBuildError),
/* harmony export */   createCloudBuild: () => (/* binding */ createCloudBuild),
/* harmony export */   parseEmulatorHost: () => (/* binding */ parseEmulatorHost),
/* harmony export */   tagsFilter: () => (/* binding */ tagsFilter)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _build_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(19319);


const DEFAULT_RETRY = { initialDelayMs: 250, maxDelayMs: 4000, totalTimeoutMs: 60_000 };
/** An API failure with the resource it concerned; `code` is the gRPC status code when there was one. */
class CloudBuildError extends Error {
    code;
    name = 'CloudBuildError';
    constructor(message, code, options) {
        super(message, options);
        this.code = code;
    }
}
// gRPC status codes (google.rpc.Code).
const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;
const SERVICE = 'google.devtools.cloudbuild.v1.CloudBuild';
/** Cloud Build's own limit on tag syntax; checking it here keeps the list filter free of quoting problems. */
const TAG = /^[\w][\w.-]{0,127}$/;
function parseEmulatorHost(value) {
    const m = /^(\[[^\]]+\]|[^:/\s]+):(\d{1,5})$/.exec(value.trim());
    const port = m ? Number(m[2]) : NaN;
    if (!m || port < 1 || port > 65535) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`CLOUD_BUILD_EMULATOR_HOST was "${value}"; expected host:port, e.g. 127.0.0.1:8090.`);
    }
    return { host: m[1].replace(/^\[|\]$/g, ''), port };
}
/** The list filter Cloud Build understands for "has all of these tags". */
function tagsFilter(tags) {
    for (const tag of tags) {
        if (!TAG.test(tag))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`Build tag "${tag}" is not valid; tags must match ${TAG.source}.`);
    }
    return tags.map((tag) => `tags="${tag}"`).join(' AND ');
}
function retryConfig(timing) {
    const retried = { retry_codes_name: 'retried', retry_params_name: 'polling' };
    return {
        interfaces: {
            [SERVICE]: {
                retry_codes: { retried: ['UNAVAILABLE', 'DEADLINE_EXCEEDED'], not_retried: [] },
                retry_params: {
                    polling: {
                        initial_retry_delay_millis: timing.initialDelayMs,
                        retry_delay_multiplier: 2,
                        max_retry_delay_millis: timing.maxDelayMs,
                        initial_rpc_timeout_millis: 30_000,
                        rpc_timeout_multiplier: 1,
                        max_rpc_timeout_millis: 30_000,
                        total_timeout_millis: timing.totalTimeoutMs,
                    },
                },
                methods: {
                    // Reads and cancel are safe to repeat. Create and trigger are not (a retried request that did reach
                    // the server would start a second apply); createBuild recovers by tag lookup instead, see below.
                    GetBuild: retried,
                    ListBuilds: retried,
                    CancelBuild: retried,
                    CreateBuild: { retry_codes_name: 'not_retried', retry_params_name: 'polling' },
                    RunBuildTrigger: { retry_codes_name: 'not_retried', retry_params_name: 'polling' },
                },
            },
        },
    };
}
function codeOf(error) {
    const code = error?.code;
    return typeof code === 'number' ? code : undefined;
}
function rethrow(what, error) {
    const detail = error?.details || error?.message;
    throw new CloudBuildError(`Failed to ${what}: ${detail ?? String(error)}`, codeOf(error), { cause: error });
}
function buildIdOfOperation(operation, what) {
    // The operation's metadata is a BuildOperationMetadata carrying the whole new Build.
    const id = operation?.metadata?.build?.id;
    if (!id)
        throw new CloudBuildError(`Failed to ${what}: the operation carried no build id.`, undefined);
    return id;
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
async function createCloudBuild(options) {
    const projectId = options.projectId;
    const region = options.region || 'global';
    const timing = { ...DEFAULT_RETRY, ...options.retry };
    const emulator = options.env?.CLOUD_BUILD_EMULATOR_HOST;
    const [{ CloudBuildClient: Client }, gax] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(987439), __webpack_require__.e(566330), __webpack_require__.e(833416)]).then(__webpack_require__.bind(__webpack_require__, 10305)),
        Promise.all(/* import() */[__webpack_require__.e(987439), __webpack_require__.e(566330)]).then(__webpack_require__.t.bind(__webpack_require__, 83232, 23)),
    ]);
    const clientOptions = {
        clientConfig: retryConfig(timing),
        libName: options.userAgent?.split('/')[0],
        libVersion: options.userAgent?.split('/')[1],
        ...(options.userAgent ? { 'grpc.primary_user_agent': options.userAgent } : {}),
    };
    if (emulator) {
        const { host, port } = parseEmulatorHost(emulator);
        // sslCreds replaces the whole channel credential, so google-auth-library is never asked for a token; an
        // explicit universe domain stops gax asking it for one either (that probe goes to the metadata server).
        Object.assign(clientOptions, {
            apiEndpoint: host,
            port,
            sslCreds: gax.grpc.credentials.createInsecure(),
            universeDomain: 'googleapis.com',
        });
    }
    const client = new Client(clientOptions, gax);
    const location = `projects/${projectId}/locations/${region}`;
    const buildName = (id) => `${location}/builds/${id}`;
    const api = {
        projectId,
        region,
        async createBuild(build) {
            const what = `create a build in ${location}`;
            const startedAt = Date.now();
            let delay = timing.initialDelayMs;
            for (;;) {
                try {
                    const [operation] = await client.createBuild({ parent: location, projectId, build });
                    return buildIdOfOperation(operation, what);
                }
                catch (error) {
                    const code = codeOf(error);
                    const transient = code === UNAVAILABLE || code === DEADLINE_EXCEEDED;
                    // Without tags we could not tell whether the lost request started a build: never guess.
                    const tags = build.tags ?? [];
                    if (!transient || tags.length === 0 || Date.now() - startedAt + delay > timing.totalTimeoutMs) {
                        rethrow(what, error);
                    }
                    await sleep(delay);
                    delay = Math.min(delay * 2, timing.maxDelayMs);
                    // The request may have reached Cloud Build before the connection broke: look for it by its tags.
                    const existing = await api.listBuilds({ tags });
                    // Ours is young (allowing for clock skew between here and Google) and cannot have failed yet; an
                    // older or failed build with the same tags is an earlier attempt, not this request.
                    const ours = existing.find((b) => {
                        const status = (0,_build_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(b.status);
                        return createdAtMs(b) >= startedAt - 10_000 && (_build_js__WEBPACK_IMPORTED_MODULE_0__/* .RUNNING_STATUSES */ .$Q.has(status) || status === 'SUCCESS');
                    });
                    if (ours?.id)
                        return ours.id;
                }
            }
        },
        async getBuild(id) {
            try {
                const [build] = await client.getBuild({ name: buildName(id), projectId, id });
                return build;
            }
            catch (error) {
                rethrow(`get build ${buildName(id)}`, error);
            }
        },
        async listBuilds({ tags }) {
            const filter = tagsFilter(tags);
            try {
                const [builds] = await client.listBuilds({ parent: location, projectId, filter });
                return builds;
            }
            catch (error) {
                rethrow(`list builds in ${location} with ${filter}`, error);
            }
        },
        async cancelBuild(id) {
            try {
                const [build] = await client.cancelBuild({ name: buildName(id), projectId, id });
                return build;
            }
            catch (error) {
                rethrow(`cancel build ${buildName(id)}`, error);
            }
        },
        async runBuildTrigger(triggerId, run) {
            const name = `${location}/triggers/${triggerId}`;
            const what = `run trigger ${name} at ${run.commitSha}`;
            try {
                const [operation] = await client.runBuildTrigger({
                    name,
                    projectId,
                    triggerId,
                    source: { projectId, commitSha: run.commitSha, substitutions: run.substitutions ?? {} },
                });
                return buildIdOfOperation(operation, what);
            }
            catch (error) {
                rethrow(what, error);
            }
        },
        async close() {
            await client.close();
        },
    };
    return api;
}
function createdAtMs(build) {
    const seconds = Number(build.createTime?.seconds ?? 0);
    return seconds * 1000 + Math.floor((build.createTime?.nanos ?? 0) / 1e6);
}


/***/ })

};
