import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 945782;
export const ids = [945782];
export const modules = {

/***/ 9182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NotFoundError: () => (/* binding */ NotFoundError),
/* harmony export */   ObjectStoreError: () => (/* binding */ ObjectStoreError),
/* harmony export */   parseGsUri: () => (/* binding */ parseGsUri)
/* harmony export */ });
class NotFoundError extends Error {
    name = 'NotFoundError';
}
/**
 * Any other failed store operation, its message naming the operation and the object ("Failed to download
 * gs://b/o: … (HTTP 403)"). `status` is the HTTP status when the backend answered with one — 403 means the caller
 * may not read or write there (IAM, VPC Service Controls) — and `cause` is the backend's own error.
 */
class ObjectStoreError extends Error {
    status;
    name = 'ObjectStoreError';
    constructor(message, status, options) {
        super(message, options);
        this.status = status;
    }
}
/** Split gs://bucket/some/prefix into its parts; throws a user-facing message naming the input otherwise. */
function parseGsUri(uri, inputName) {
    const m = /^gs:\/\/([a-z0-9][a-z0-9._-]{1,220}[a-z0-9])(?:\/(.*))?$/.exec(uri.trim());
    if (!m) {
        throw new Error(`\`${inputName}\` was "${uri}"; expected gs://<bucket>[/<prefix>] with a valid bucket name.`);
    }
    return { bucket: m[1], prefix: (m[2] ?? '').replace(/\/+$/, '') };
}


/***/ })

};
