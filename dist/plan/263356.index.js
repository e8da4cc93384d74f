import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 263356;
export const ids = [263356];
export const modules = {

/***/ 2590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishReviewedPlan: () => (/* binding */ publishReviewedPlan),
  sha256Hex: () => (/* binding */ sha256Hex)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/reviewed-plan/manifest.ts
/**
 * The reviewed-plan chain: what the plan action publishes next to the binary plan so that, after the merge, the
 * apply can prove it is applying exactly the plan people reviewed in the PR comment.
 *
 * Layout: <prefix>/<owner>/<repo>/<env>/pr-<n>/<head-sha>/{plan.tfplan, plan.json, manifest.json}
 */

const MANIFEST_VERSION = 1;
const SAFE_SEGMENT = /^[A-Za-z0-9._-]+$/;
function segment(value, what) {
    if (!SAFE_SEGMENT.test(value) || value === '.' || value === '..') {
        throw new errors/* UserError */.y(`The ${what} "${value}" cannot be used in an object path; expected letters, digits, ".", "_" or "-".`);
    }
    return value;
}
/** The folder (object name prefix, ending in "/") that holds one reviewed plan. */
function planFolder(location, key) {
    const [owner, repo, ...rest] = key.repository.split('/');
    if (!owner || !repo || rest.length > 0) {
        throw new errors/* UserError */.y(`The repository "${key.repository}" is not of the form owner/repo.`);
    }
    if (!/^[0-9a-f]{40}$/.test(key.headSha)) {
        throw new errors/* UserError */.y(`The commit "${key.headSha}" is not a full 40-character SHA.`);
    }
    const parts = [
        location.prefix,
        segment(owner, 'repository owner'),
        segment(repo, 'repository name'),
        segment(key.environment, 'environment'),
        `pr-${key.pullRequest}`,
        key.headSha,
    ].filter((p) => p.length > 0);
    return `${parts.join('/')}/`;
}
/** Read a manifest back, refusing anything that is not one (wrong version, missing fields). */
function parseManifest(text, where) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        throw new errors/* UserError */.y(`The reviewed-plan manifest at ${where} is not valid JSON.`);
    }
    const m = data;
    const missing = ['planSha256', 'repository', 'headSha', 'environment', 'planObject'].filter((k) => typeof m[k] !== 'string' || m[k].length === 0);
    if (m.version !== MANIFEST_VERSION || missing.length > 0 || typeof m.pullRequest !== 'number') {
        throw new errors/* UserError */.y(`The reviewed-plan manifest at ${where} is not a version ${MANIFEST_VERSION} manifest` +
            (missing.length ? ` (missing ${missing.join(', ')})` : '') +
            '.');
    }
    if (!/^[0-9a-f]{64}$/.test(m.planSha256)) {
        throw new errors/* UserError */.y(`The reviewed-plan manifest at ${where} has an invalid planSha256.`);
    }
    return m;
}
/**
 * The URI of a plan folder, ending in "/". Asked of the store without the slash: a folder is not an object, and
 * the local store refuses names with an empty last segment.
 */
function folderUri(store, bucket, folder) {
    return `${store.uri(bucket, folder.replace(/\/+$/, ''))}/`;
}

;// CONCATENATED MODULE: ./src/reviewed-plan/publish.ts
/**
 * Publish a reviewed plan: binary plan, its JSON, then the manifest — each write-once (ifGenerationMatch: 0) and
 * CRC32C-validated by the store. The manifest goes last, so a reader that finds a manifest always finds the
 * objects it names; a crash midway leaves no manifest, which the apply reports as "no reviewed plan".
 */


function sha256Hex(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
async function publishReviewedPlan(store, location, input) {
    const folder = planFolder(location, input.key);
    const manifestName = `${folder}manifest.json`;
    const uri = folderUri(store, location.bucket, folder);
    const existing = await store.stat(location.bucket, manifestName);
    if (existing) {
        const text = (await store.read(location.bucket, manifestName)).toString('utf8');
        return { uri, manifest: parseManifest(text, store.uri(location.bucket, manifestName)), created: false };
    }
    const manifest = {
        version: MANIFEST_VERSION,
        planSha256: sha256Hex(input.plan),
        planJsonSha256: sha256Hex(input.planJson),
        repository: input.key.repository,
        pullRequest: input.key.pullRequest,
        headSha: input.key.headSha,
        environment: input.key.environment,
        workingDirectory: input.workingDirectory,
        terraformVersion: input.terraformVersion,
        ...(input.lockFile ? { lockFileSha256: sha256Hex(input.lockFile) } : {}),
        createdAt: input.now.toISOString(),
        planObject: `${folder}plan.tfplan`,
        planJsonObject: `${folder}plan.json`,
    };
    const metadata = { 'dc-pipeline-plan-sha256': manifest.planSha256 };
    // A previous attempt may have died after the plan but before the manifest: the objects exist, the manifest not.
    // Write-once then refuses to overwrite; accept the leftover only if it is byte-identical to this plan.
    const plan = await store.writeOnce(location.bucket, manifest.planObject, input.plan, {
        contentType: 'application/octet-stream',
        metadata,
    });
    if (!plan.created && sha256Hex(await store.read(location.bucket, manifest.planObject)) !== manifest.planSha256) {
        throw new Error(`A different plan file already exists at ${store.uri(location.bucket, manifest.planObject)} without a manifest; ` +
            'delete that folder or push a new commit to plan again.');
    }
    await store.writeOnce(location.bucket, manifest.planJsonObject, input.planJson, { contentType: 'application/json', metadata });
    const written = await store.writeOnce(location.bucket, manifestName, JSON.stringify(manifest, null, 2) + '\n', {
        contentType: 'application/json',
        metadata,
    });
    if (!written.created) {
        // Lost a race with a concurrent run of the same commit: theirs is the reviewed plan.
        const text = (await store.read(location.bucket, manifestName)).toString('utf8');
        return { uri, manifest: parseManifest(text, store.uri(location.bucket, manifestName)), created: false };
    }
    return { uri, manifest, created: true };
}


/***/ })

};
