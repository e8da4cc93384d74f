import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 886;
export const ids = [886,648];
export const modules = {

/***/ 89237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pj: () => (/* binding */ Crc32cStream),
/* harmony export */   wm: () => (/* binding */ crc32cBase64),
/* harmony export */   zH: () => (/* binding */ Crc32c)
/* harmony export */ });
/* unused harmony exports crc32cUpdate, crc32cToBase64 */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/**
 * CRC32C (Castagnoli), the checksum Cloud Storage keeps for every object, computed incrementally so a stream of
 * any size can be checksummed in constant memory. GCS reports it as the base64 of the 4-byte big-endian value.
 *
 * Slicing-by-16 over 32-bit words: sixteen 256-entry tables (one flat array) let the loop consume 16 bytes per
 * step, read as four aligned little-endian words. ~930 MB/s against ~600 for the byte-wise slicing-by-8 it
 * replaced (Node 20 and 24, 64 KiB chunks), which matters because ingest checksums every staged byte.
 */

const POLY = 0x82f63b78; // reflected Castagnoli polynomial
/** Table t at [t * 256, t * 256 + 256): the CRC of a byte followed by t zero bytes. */
const TABLE = (() => {
    const table = new Uint32Array(16 * 256);
    for (let i = 0; i < 256; i++) {
        let c = i;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
        table[i] = c >>> 0;
    }
    for (let i = 0; i < 256; i++) {
        let c = table[i];
        for (let t = 1; t < 16; t++) {
            c = table[c & 0xff] ^ (c >>> 8);
            table[t * 256 + i] = c >>> 0;
        }
    }
    return table;
})();
/** Words are read in the machine's byte order; the word loop is written for little-endian (every Node target). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/** Continue a CRC32C over `data`; start with 0. Returns the unsigned 32-bit value. */
function crc32cUpdate(crc, data) {
    const T = TABLE;
    let c = ~crc >>> 0;
    let i = 0;
    const n = data.length;
    // Byte by byte up to a 4-byte boundary, then 16 bytes per step, then the tail.
    while (i < n && (data.byteOffset + i) % 4 !== 0)
        c = T[(c ^ data[i++]) & 0xff] ^ (c >>> 8);
    const blocks = LITTLE_ENDIAN ? (n - i) >>> 4 : 0;
    if (blocks > 0) {
        const words = new Uint32Array(data.buffer, data.byteOffset + i, blocks * 4);
        for (let w = 0; w < words.length; w += 4) {
            const a = c ^ words[w];
            const b = words[w + 1];
            const d = words[w + 2];
            const e = words[w + 3];
            c =
                T[3840 + (a & 0xff)] ^
                    T[3584 + ((a >>> 8) & 0xff)] ^
                    T[3328 + ((a >>> 16) & 0xff)] ^
                    T[3072 + (a >>> 24)] ^
                    T[2816 + (b & 0xff)] ^
                    T[2560 + ((b >>> 8) & 0xff)] ^
                    T[2304 + ((b >>> 16) & 0xff)] ^
                    T[2048 + (b >>> 24)] ^
                    T[1792 + (d & 0xff)] ^
                    T[1536 + ((d >>> 8) & 0xff)] ^
                    T[1280 + ((d >>> 16) & 0xff)] ^
                    T[1024 + (d >>> 24)] ^
                    T[768 + (e & 0xff)] ^
                    T[512 + ((e >>> 8) & 0xff)] ^
                    T[256 + ((e >>> 16) & 0xff)] ^
                    T[e >>> 24];
        }
        i += blocks * 16;
    }
    while (i < n)
        c = T[(c ^ data[i++]) & 0xff] ^ (c >>> 8);
    return ~c >>> 0;
}
/** Base64 of the big-endian 4 bytes: the form GCS puts in `crc32c` and `x-goog-hash: crc32c=…`. */
function crc32cToBase64(crc) {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(crc >>> 0, 0);
    return b.toString('base64');
}
/** CRC32C of a whole buffer (or string, as UTF-8), base64 as GCS reports it. */
function crc32cBase64(data) {
    return crc32cToBase64(crc32cUpdate(0, typeof data === 'string' ? Buffer.from(data) : data));
}
/** Incremental CRC32C: `update()` as bytes arrive, `base64()` / `value` at any point. */
class Crc32c {
    #crc = 0;
    #bytes = 0;
    update(data) {
        this.#crc = crc32cUpdate(this.#crc, data);
        this.#bytes += data.length;
        return this;
    }
    get value() {
        return this.#crc;
    }
    get bytes() {
        return this.#bytes;
    }
    base64() {
        return crc32cToBase64(this.#crc);
    }
}
/** A pass-through stream that checksums what flows through it; read `.crc32c` after 'end'/'finish'. */
class Crc32cStream extends node_stream__WEBPACK_IMPORTED_MODULE_0__.Transform {
    crc32c = new Crc32c();
    _transform(chunk, _encoding, callback) {
        this.crc32c.update(chunk);
        callback(null, chunk);
    }
}


/***/ }),

/***/ 40648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RESUMABLE_CHUNK_SIZE: () => (/* binding */ RESUMABLE_CHUNK_SIZE),
  SIMPLE_UPLOAD_LIMIT: () => (/* binding */ SIMPLE_UPLOAD_LIMIT),
  createGcsStore: () => (/* binding */ createGcsStore),
  emulatorEndpoint: () => (/* binding */ emulatorEndpoint),
  toObjectInfo: () => (/* binding */ toObjectInfo)
});

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/storage/object-store.ts
var object_store = __webpack_require__(39182);
// EXTERNAL MODULE: ./src/storage/crc32c.ts
var storage_crc32c = __webpack_require__(89237);
;// CONCATENATED MODULE: ./src/storage/gcs-errors.ts
/**
 * Reading the errors @google-cloud/storage produces — ApiError, GaxiosError, plain `{code, message}` objects
 * from resumable uploads, node-fetch socket errors — into an HTTP status, a retry decision and one sentence.
 */

// Socket-level failures worth retrying. The library's default predicate misses some of the ways node-fetch and
// gaxios report a connection closed mid-request.
const RETRYABLE_CODES = new Set([
    'econnreset',
    'epipe',
    'etimedout',
    'econnrefused',
    'eai_again',
    'err_stream_premature_close',
    'und_err_socket',
]);
const RETRYABLE_MESSAGES = /socket hang up|other side closed|premature close|unexpected connection closure|ECONNRESET|EPIPE/i;
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
function isConnectionError(err) {
    if (!err || typeof err !== 'object')
        return false;
    const e = err;
    if (typeof e.code === 'string' && RETRYABLE_CODES.has(e.code.toLowerCase()))
        return true;
    if (typeof e.message === 'string' && RETRYABLE_MESSAGES.test(e.message))
        return true;
    return (e.errors ?? []).some((x) => typeof x?.reason === 'string' && RETRYABLE_CODES.has(x.reason.toLowerCase()));
}
function isRetryable(err) {
    const status = statusOf(err);
    return (status !== undefined && RETRYABLE_STATUSES.has(status)) || isConnectionError(err);
}
/** The HTTP status behind an error, wherever this particular code path put it. */
function statusOf(err) {
    if (!err || typeof err !== 'object')
        return undefined;
    const e = err;
    for (const value of [e.code, e.status, e.response?.status]) {
        if (typeof value === 'number' && value >= 100 && value < 600)
            return value;
        if (typeof value === 'string' && /^\d{3}$/.test(value))
            return Number(value);
    }
    return undefined;
}
/** Google's own sentence for the error when there is one, else the error's message. */
function describe(err) {
    const e = err;
    const fromBody = e?.response?.data?.error?.message;
    if (typeof fromBody === 'string')
        return fromBody;
    const message = e && typeof e === 'object' && typeof e.message === 'string' ? e.message : String(err);
    // Download errors carry the raw JSON error body as their message.
    if (message.startsWith('{')) {
        try {
            const parsed = JSON.parse(message);
            if (parsed.error?.message)
                return parsed.error.message;
        }
        catch {
            // not JSON after all: keep the message as it is
        }
    }
    return message;
}
/** "Failed to <action> gs://b/o: <Google's sentence> (HTTP n)", keeping the original as `cause`. */
function withContext(action, uri, err) {
    if (err?.code === 'CONTENT_DOWNLOAD_MISMATCH') {
        return new object_store/* ObjectStoreError */.RT(`${uri} is corrupt: the downloaded bytes do not match the CRC32C GCS recorded for it.`, undefined, {
            cause: err,
        });
    }
    const status = statusOf(err);
    return new object_store/* ObjectStoreError */.RT(`Failed to ${action} ${uri}: ${describe(err)}${status ? ` (HTTP ${status})` : ''}`, status, {
        cause: err,
    });
}

;// CONCATENATED MODULE: ./src/storage/gcs-download.ts
/**
 * Downloads through @google-cloud/storage made dependable. Two behaviours of the client (7.22, node-fetch 2
 * underneath) force this:
 * - a response body cut off mid-way (connection reset after the headers) never ends and never errors: the
 *   stream just stalls. A watchdog turns silence into a retryable error.
 * - its own stream retry, after a 5xx, pipes into a stream it already destroyed and leaves an unhandled
 *   rejection behind (which ends a Node process). Downloads therefore use a client with automatic retries off,
 *   and are retried here — safe, since reading is idempotent.
 */


const DEFAULT_DOWNLOAD_POLICY = { idleTimeoutMs: 60_000, attempts: 5, firstRetryDelayMs: 250 };
class StalledError extends Error {
    code = 'ETIMEDOUT';
}
/**
 * The source's bytes, failing with a retryable ETIMEDOUT error if nothing arrives for `idleTimeoutMs` while the
 * consumer is waiting for more (a paused consumer never trips it).
 */
function withWatchdog(source, idleTimeoutMs) {
    let timer;
    const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
            // Bytes waiting for a slow consumer mean the network is not the one stalling.
            if (guard.readableLength > 0)
                return arm();
            const error = new StalledError(`No data for ${idleTimeoutMs} ms; the connection was probably lost.`);
            source.destroy(error);
            guard.destroy(error);
        }, idleTimeoutMs);
    };
    const guard = new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            arm();
            callback(null, chunk);
        },
        flush(callback) {
            clearTimeout(timer);
            callback();
        },
    });
    guard.on('close', () => clearTimeout(timer));
    arm();
    return (0,external_node_stream_.pipeline)(source, guard, () => clearTimeout(timer));
}
/** Reads a whole download into memory, reopening it from scratch after a retryable failure. */
async function downloadWithRetries(open, policy) {
    for (let attempt = 1;; attempt++) {
        try {
            const chunks = [];
            for await (const chunk of withWatchdog(open(), policy.idleTimeoutMs))
                chunks.push(chunk);
            return Buffer.concat(chunks);
        }
        catch (err) {
            if (!isRetryable(err) || attempt >= policy.attempts)
                throw err;
            await new Promise((resolve) => setTimeout(resolve, policy.firstRetryDelayMs * 2 ** (attempt - 1)));
        }
    }
}

;// CONCATENATED MODULE: ./src/storage/gcs.ts
/**
 * The object store on Google Cloud Storage: the only place @google-cloud/storage is constructed, and the only
 * code that knows about STORAGE_EMULATOR_HOST, credentials and retries for it.
 *
 * The client is imported lazily (`import()` becomes its own chunk in the bundle), so commands that never touch
 * GCS do not pay for loading it.
 */





/** Buffers up to this size go in one multipart request; larger ones and every stream use a resumable upload. */
const SIMPLE_UPLOAD_LIMIT = 8 * 1024 * 1024;
/**
 * Resumable uploads are sent in chunks of this size (a multiple of 256 KiB, as GCS requires). Chunking is what
 * makes a dropped connection recoverable: the client keeps the chunk in flight and resends it after asking the
 * server how much it persisted; in single-request mode it cannot and gives up with "data loss" RangeError.
 */
const RESUMABLE_CHUNK_SIZE = 8 * 1024 * 1024;
const DEFAULT_USER_AGENT = 'dc-pipeline-actions/0.1.0';
const EMULATOR_PROJECT = 'dc-pipeline-emulator';
function createGcsStore(options = {}) {
    let clients;
    const policy = { ...DEFAULT_DOWNLOAD_POLICY, ...options.download };
    return new GcsStore(() => (clients ??= loadClients(options)), policy);
}
/** http://host:port from STORAGE_EMULATOR_HOST (which may omit the scheme), or undefined when unset. */
function emulatorEndpoint(env) {
    const raw = env.STORAGE_EMULATOR_HOST?.trim();
    if (!raw)
        return undefined;
    const withScheme = /^https?:\/\//i.test(raw) ? raw : `http://${raw}`;
    return withScheme.replace(/\/+$/, '').replace(/\/storage\/v1$/, '');
}
async function loadClients(options) {
    const { Storage, IdempotencyStrategy, RETRYABLE_ERR_FN_DEFAULT } = await Promise.all(/* import() */[__webpack_require__.e(786886), __webpack_require__.e(584753), __webpack_require__.e(405839), __webpack_require__.e(583645), __webpack_require__.e(940695)]).then(__webpack_require__.bind(__webpack_require__, 73665));
    const endpoint = emulatorEndpoint(options.env ?? process.env);
    const retry = options.retry ?? {};
    const storageOptions = {
        userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
        // The library's own CRC32C runs at ~50 MB/s; ours at ~500 MB/s, which matters for GB-sized staging.
        crc32cGenerator: () => {
            const crc = new storage_crc32c/* Crc32c */.zH();
            return {
                update: (data) => void crc.update(data),
                toString: () => crc.base64(),
                validate: (value) => value === crc.base64(),
            };
        },
        retryOptions: {
            autoRetry: true,
            maxRetries: retry.maxRetries ?? 5,
            retryDelayMultiplier: 2,
            maxRetryDelay: retry.maxRetryDelaySeconds ?? 32,
            totalTimeout: retry.totalTimeoutSeconds ?? 600,
            // Conditional writes (ifGenerationMatch) are safe to repeat, so they are retried; unconditional ones not.
            idempotencyStrategy: IdempotencyStrategy.RetryConditional,
            retryableErrorFn: (err) => RETRYABLE_ERR_FN_DEFAULT(err) || isConnectionError(err),
        },
    };
    if (options.projectId)
        storageOptions.projectId = options.projectId;
    if (endpoint) {
        // A custom endpoint makes the client skip google-auth-library entirely (no ADC lookup, no metadata-server
        // probe), and a fixed project means nothing asks ADC for one either.
        storageOptions.apiEndpoint = endpoint;
        storageOptions.useAuthWithCustomEndpoint = false;
        storageOptions.projectId = options.projectId ?? EMULATOR_PROJECT;
    }
    const storage = new Storage(storageOptions);
    const downloads = new Storage({
        ...storageOptions,
        // Share the first client's auth, so ADC is resolved (and tokens fetched) once.
        ...(endpoint ? {} : { authClient: storage.authClient }),
        retryOptions: { ...storageOptions.retryOptions, autoRetry: false, maxRetries: 0 },
    });
    if (endpoint) {
        // When STORAGE_EMULATOR_HOST is in process.env the client uses it verbatim as the JSON API base, dropping
        // the /storage/v1 path every real endpoint (and our loopback server) serves. Set the base the API defines.
        storage.baseUrl = `${endpoint}/storage/v1`;
        downloads.baseUrl = `${endpoint}/storage/v1`;
    }
    return { storage, downloads };
}
function toObjectInfo(bucket, metadata) {
    const custom = {};
    for (const [k, v] of Object.entries(metadata.metadata ?? {}))
        if (v !== null && v !== undefined)
            custom[k] = String(v);
    const info = {
        bucket: metadata.bucket ?? bucket,
        name: metadata.name ?? '',
        size: Number(metadata.size ?? 0),
        generation: String(metadata.generation ?? ''),
        crc32c: metadata.crc32c ?? '',
        metadata: custom,
        updated: metadata.updated ?? '',
    };
    if (metadata.contentType)
        info.contentType = metadata.contentType;
    return info;
}
class GcsStore {
    clients;
    policy;
    constructor(clients, policy) {
        this.clients = clients;
        this.policy = policy;
    }
    uri(bucket, name) {
        return `gs://${bucket}/${name}`;
    }
    async #file(bucket, name, use = 'storage') {
        return (await this.clients())[use].bucket(bucket).file(name);
    }
    async writeOnce(bucket, name, source, options = {}) {
        const uri = this.uri(bucket, name);
        const file = await this.#file(bucket, name);
        const prepared = typeof source === 'string' ? Buffer.from(source) : await emptyAsBuffer(source);
        // What we sent, to recognise our own object after a failure whose cause came after GCS had stored it.
        const sent = Buffer.isBuffer(prepared) ? sentBuffer(prepared) : sentStream(prepared, options.crc32c);
        const data = sent.data;
        const resumable = !Buffer.isBuffer(data) || data.length > SIMPLE_UPLOAD_LIMIT;
        const metadata = {};
        if (options.metadata)
            metadata.metadata = { ...options.metadata };
        if (options.contentType)
            metadata.contentType = options.contentType;
        // With the checksum declared up front, GCS itself refuses corrupted bytes and never creates the object.
        // A stream's checksum is only known at the end unless the caller knows it: it is computed while sending
        // (SentTally) and compared with what GCS stored, and the object deleted on a mismatch, as the client's own
        // `validation: 'crc32c'` would do — but that would be a second CRC pass over every byte.
        const declared = Buffer.isBuffer(data) ? sent.crc32c() : options.crc32c;
        if (declared)
            metadata.crc32c = declared;
        const saveOptions = {
            resumable,
            validation: false,
            preconditionOpts: { ifGenerationMatch: 0 },
            metadata,
            ...(options.contentType ? { contentType: options.contentType } : {}),
            ...(resumable ? { chunkSize: RESUMABLE_CHUNK_SIZE } : {}),
        };
        try {
            await file.save(data, saveOptions);
        }
        catch (err) {
            // 412: the name was taken — by another writer, or by our own earlier attempt whose reply was lost.
            // Otherwise the upload may still have landed (a lost final reply makes the client give up on a
            // resumable session GCS had already completed): byte-identical content at the name is as good as written.
            const existing = await this.stat(bucket, name).catch(() => undefined);
            if (existing && (statusOf(err) === 412 || sent.matches(existing)))
                return { created: false, info: existing };
            throw withContext('upload', uri, err);
        }
        const info = toObjectInfo(bucket, file.metadata);
        if (!declared && info.crc32c !== sent.crc32c()) {
            await file.delete({ ifGenerationMatch: info.generation }).catch(() => undefined);
            throw new object_store/* ObjectStoreError */.RT(`Failed to upload ${uri}: the stored object's CRC32C ${info.crc32c} does not match the ${sent.crc32c()} of the bytes sent ` +
                '(corrupted in transit); it was deleted.');
        }
        return { created: true, info };
    }
    async copyOnce(bucket, from, to, options = {}) {
        const source = await this.#file(bucket, from);
        const target = await this.#file(bucket, to);
        // The client sends what is left of its options as the request body: the destination's resource, if any.
        const destination = {
            ...(options.contentType ? { contentType: options.contentType } : {}),
            ...(options.metadata ? { metadata: { ...options.metadata } } : {}),
        };
        try {
            // Conditional on the destination not existing, so the client may retry it (RetryConditional).
            const [, response] = await source.copy(target, { preconditionOpts: { ifGenerationMatch: 0 }, ...destination });
            const resource = response?.resource;
            const info = resource ? toObjectInfo(bucket, resource) : await this.stat(bucket, to);
            if (!info)
                throw new Error(`${this.uri(bucket, to)} is missing right after it was copied.`);
            return { created: true, info };
        }
        catch (err) {
            const status = statusOf(err);
            if (status === 404)
                throw new object_store/* NotFoundError */.m_(`${this.uri(bucket, from)} does not exist.`);
            if (status === 412) {
                const existing = await this.stat(bucket, to);
                if (existing)
                    return { created: false, info: existing };
            }
            throw withContext(`copy ${this.uri(bucket, from)} to`, this.uri(bucket, to), err);
        }
    }
    async stat(bucket, name) {
        const file = await this.#file(bucket, name);
        try {
            const [metadata] = await file.getMetadata();
            return toObjectInfo(bucket, metadata);
        }
        catch (err) {
            if (statusOf(err) === 404)
                return undefined;
            throw withContext('read the metadata of', this.uri(bucket, name), err);
        }
    }
    async read(bucket, name, range) {
        const uri = this.uri(bucket, name);
        const file = await this.#file(bucket, name, 'downloads');
        if (range && range.end !== undefined && range.end < range.start)
            return Buffer.alloc(0);
        // Ranged reads cannot be checked against the object's CRC32C (the client refuses to try); whole ones are.
        const options = range
            ? { start: range.start, ...(range.end !== undefined ? { end: range.end } : {}) }
            : { validation: 'crc32c' };
        try {
            return await downloadWithRetries(() => file.createReadStream(options), this.policy);
        }
        catch (err) {
            const status = statusOf(err);
            if (status === 404)
                throw new object_store/* NotFoundError */.m_(`${uri} does not exist.`);
            // Reading at or past the end (a growing log that has not grown yet) is not an error: there is nothing new.
            if (status === 416 && range)
                return Buffer.alloc(0);
            throw withContext('download', uri, err);
        }
    }
    /** Validated against the stored CRC32C; not retried once bytes have flowed (the consumer has them). */
    readStream(bucket, name) {
        const uri = this.uri(bucket, name);
        const out = new external_node_stream_.PassThrough();
        const fail = (err) => out.destroy(statusOf(err) === 404 ? new object_store/* NotFoundError */.m_(`${uri} does not exist.`) : withContext('download', uri, err));
        this.#file(bucket, name, 'downloads').then((file) => {
            const source = withWatchdog(file.createReadStream({ validation: 'crc32c' }), this.policy.idleTimeoutMs);
            source.on('error', fail);
            source.pipe(out);
        }, fail);
        return out;
    }
    async list(bucket, prefix) {
        const { storage } = await this.clients();
        try {
            const [files] = await storage.bucket(bucket).getFiles({ prefix, autoPaginate: true });
            return files.map((f) => toObjectInfo(bucket, f.metadata));
        }
        catch (err) {
            throw withContext('list', this.uri(bucket, prefix), err);
        }
    }
    async delete(bucket, name) {
        // Deleting the generation we looked at makes the call conditional, which the client then retries
        // safely: a retry can never remove a newer object written under the same name in between.
        const info = await this.stat(bucket, name);
        if (!info)
            return;
        const file = await this.#file(bucket, name);
        try {
            await file.delete({ ignoreNotFound: true, ifGenerationMatch: info.generation });
        }
        catch (err) {
            throw withContext('delete', this.uri(bucket, name), err);
        }
    }
}
function sentBuffer(data) {
    const crc32c = (0,storage_crc32c/* crc32cBase64 */.wm)(data);
    return { data, crc32c: () => crc32c, matches: (info) => info.size === data.length && info.crc32c === crc32c };
}
function sentStream(source, declaredCrc32c) {
    // A declared checksum is the caller's (and GCS enforces it): then the bytes are only counted.
    const tally = new SentTally(declaredCrc32c === undefined);
    const data = (0,external_node_stream_.pipeline)(source, tally, () => undefined);
    const crc32c = () => declaredCrc32c ?? tally.crc32c.base64();
    return { data, crc32c, matches: (info) => tally.complete && info.size === tally.bytes && info.crc32c === crc32c() };
}
/** What passed through on its way to the upload: its size, whether it all did, and (when asked) its CRC32C. */
class SentTally extends external_node_stream_.Transform {
    checksum;
    crc32c = new storage_crc32c/* Crc32c */.zH();
    bytes = 0;
    complete = false;
    constructor(checksum) {
        super();
        this.checksum = checksum;
    }
    _transform(chunk, _encoding, callback) {
        this.bytes += chunk.length;
        if (this.checksum)
            this.crc32c.update(chunk);
        callback(null, chunk);
    }
    _flush(callback) {
        this.complete = true;
        callback();
    }
}
/**
 * An empty stream becomes an empty Buffer: the client's chunked resumable upload would describe zero bytes as
 * `Content-Range: bytes 0--1/0`, which is not a valid range. A non-empty stream is returned as it is, its first
 * bytes still buffered in it: looked at through 'readable', not wrapped in another stream (an async-generator
 * wrapper cost a promise round trip per chunk, ~5% of a streamed ingest's CPU in a profile).
 */
async function emptyAsBuffer(source) {
    if (Buffer.isBuffer(source))
        return source;
    // A stream that failed or was destroyed before the upload started (a download that broke off while the
    // storage client was still loading) has already emitted everything it ever will: waiting for an event would
    // never settle, and the process would exit with its work unsettled and no message.
    if (source.destroyed)
        throw source.errored ?? new Error('the stream to upload was closed before the upload started');
    if (source.readableEnded)
        return Buffer.alloc(0);
    const hasData = await new Promise((resolve, reject) => {
        const settle = (result) => {
            source.off('readable', onReadable);
            source.off('end', onEnd);
            source.off('error', onError);
            source.off('close', onClose);
            if (result instanceof Error)
                reject(result);
            else
                resolve(result);
        };
        // 'readable' comes with data, or at the end with none; read() then lets 'end' fire.
        const onReadable = () => (source.readableLength > 0 ? settle(true) : source.read());
        const onEnd = () => settle(false);
        const onError = (error) => settle(error);
        // Destroyed without an error: no 'end' or 'error' follows, only 'close'.
        const onClose = () => settle(source.errored ?? new Error('the stream to upload was closed before it ended'));
        source.on('readable', onReadable);
        source.once('end', onEnd);
        source.once('error', onError);
        source.once('close', onClose);
    });
    return hasData ? source : Buffer.alloc(0);
}


/***/ })

};
