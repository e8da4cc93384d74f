import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 449122;
export const ids = [449122];
export const modules = {

/***/ 72922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createLocalStore: () => (/* binding */ createLocalStore)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_6__);
/* harmony import */ var _crc32c_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(89237);
/* harmony import */ var _object_store_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(39182);
/**
 * The embedded default object store: a folder laid out like the buckets it stands in for,
 * `<root>/<bucket>/<object name>` (root is normally `.dc-pipeline/gcs`), so staged files can be opened directly.
 *
 * Each object's CRC32C, content type and custom metadata live in a sidecar under `<root>/.meta/<bucket>/<name>.json`
 * (outside every bucket folder, so they are never listed as objects). Writes go to `<root>/.tmp/` first — the same
 * filesystem — and appear with `link()`, which fails if the name exists: that is the write-once precondition,
 * atomic even between processes, and a reader never sees a partial file.
 */









const META_DIR = '.meta';
const TMP_DIR = '.tmp';
/** How far a streamed source may run ahead of the disk (see writeTemp). */
const WRITE_BUFFER = 4 * 1024 * 1024;
function createLocalStore(root) {
    return new LocalStore((0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(root));
}
class LocalStore {
    root;
    constructor(root) {
        this.root = root;
    }
    uri(bucket, name) {
        return (0,node_url__WEBPACK_IMPORTED_MODULE_6__.pathToFileURL)(this.#dataPath(bucket, name)).href;
    }
    #bucketDir(bucket) {
        if (!/^[a-z0-9][a-z0-9._-]*$/.test(bucket)) {
            throw new Error(`"${bucket}" is not a valid bucket name for the local object store.`);
        }
        return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.root, bucket);
    }
    #dataPath(bucket, name) {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.#bucketDir(bucket), ...segmentsOf(name));
    }
    #metaPath(bucket, name) {
        const segments = segmentsOf(name);
        segments[segments.length - 1] += '.json';
        return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.root, META_DIR, bucket, ...segments);
    }
    async #tempPath() {
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.root, TMP_DIR);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
        return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, `${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(8).toString('hex')}`);
    }
    async writeOnce(bucket, name, source, options = {}) {
        const existing = await this.stat(bucket, name);
        if (existing)
            return { created: false, info: existing };
        const temp = await this.#tempPath();
        try {
            const { crc32c, size } = await writeTemp(temp, source);
            if (options.crc32c !== undefined && options.crc32c !== crc32c) {
                // What GCS answers when the declared checksum does not match the bytes: nothing is created.
                throw new _object_store_js__WEBPACK_IMPORTED_MODULE_8__/* .ObjectStoreError */ .RT(`Failed to write ${this.uri(bucket, name)}: the declared CRC32C ${options.crc32c} does not match the bytes (${crc32c}).`, 400);
            }
            const sidecar = { crc32c, size, metadata: { ...(options.metadata ?? {}) } };
            if (options.contentType)
                sidecar.contentType = options.contentType;
            return await this.#publish(bucket, name, temp, sidecar, 'write');
        }
        catch (err) {
            throw failure('write', this.uri(bucket, name), err);
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(temp).catch(() => undefined);
        }
    }
    async copyOnce(bucket, from, to, options = {}) {
        const original = await this.stat(bucket, from);
        if (!original)
            throw new _object_store_js__WEBPACK_IMPORTED_MODULE_8__/* .NotFoundError */ .m_(`${this.uri(bucket, from)} does not exist.`);
        const existing = await this.stat(bucket, to);
        if (existing)
            return { created: false, info: existing };
        const given = options.contentType !== undefined || options.metadata !== undefined;
        const sidecar = { crc32c: original.crc32c, size: original.size, metadata: { ...(given ? options.metadata : original.metadata) } };
        const contentType = given ? options.contentType : original.contentType;
        if (contentType)
            sidecar.contentType = contentType;
        // A second name for the same file: nothing is copied.
        return this.#publish(bucket, to, this.#dataPath(bucket, from), sidecar, `copy ${this.uri(bucket, from)} to`);
    }
    /**
     * Gives `file` the object name `name`, with `sidecar` as its metadata, unless the name exists. link() refuses
     * an existing name, atomically even between processes (the write-once precondition), and a reader never sees
     * a partial file. `file` keeps its own name too; a caller that wrote a temporary file removes it.
     */
    async #publish(bucket, name, file, sidecar, action) {
        const target = this.#dataPath(bucket, name);
        const metaTemp = `${await this.#tempPath()}.json`;
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(metaTemp, JSON.stringify(sidecar));
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(target), { recursive: true });
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.link)(file, target);
            }
            catch (err) {
                if (err.code !== 'EEXIST')
                    throw err;
                const winner = await this.stat(bucket, name);
                if (winner)
                    return { created: false, info: winner };
                throw err;
            }
            // The data file is visible from here on; a crash before the sidecar lands is repaired by stat().
            const metaTarget = this.#metaPath(bucket, name);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(metaTarget), { recursive: true });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(metaTemp, metaTarget);
        }
        catch (err) {
            throw failure(action, this.uri(bucket, name), err);
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(metaTemp).catch(() => undefined);
        }
        const info = await this.stat(bucket, name);
        if (!info)
            throw new Error(`${this.uri(bucket, name)} disappeared right after it was written.`);
        return { created: true, info };
    }
    async stat(bucket, name) {
        const path = this.#dataPath(bucket, name);
        let st;
        try {
            st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path, { bigint: true });
        }
        catch (err) {
            if (isMissing(err))
                return undefined;
            throw err;
        }
        if (!st.isFile())
            return undefined;
        const sidecar = await this.#sidecar(bucket, name, path);
        const info = {
            bucket,
            name,
            size: Number(st.size),
            generation: st.mtimeNs.toString(),
            crc32c: sidecar.crc32c,
            metadata: { ...sidecar.metadata },
            updated: new Date(Number(st.mtimeNs / 1000000n)).toISOString(),
        };
        if (sidecar.contentType)
            info.contentType = sidecar.contentType;
        return info;
    }
    async #sidecar(bucket, name, dataPath) {
        try {
            return JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(this.#metaPath(bucket, name), 'utf8'));
        }
        catch (err) {
            if (!isMissing(err))
                throw err;
        }
        // Written by an interrupted writeOnce (or copied in by hand): checksum it now, as GCS would have.
        const crc = new _crc32c_js__WEBPACK_IMPORTED_MODULE_7__/* .Crc32c */ .zH();
        for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(dataPath))
            crc.update(chunk);
        return { crc32c: crc.base64(), size: crc.bytes, metadata: {} };
    }
    async read(bucket, name, range) {
        const path = this.#dataPath(bucket, name);
        let handle;
        try {
            handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'r');
        }
        catch (err) {
            if (isMissing(err))
                throw new _object_store_js__WEBPACK_IMPORTED_MODULE_8__/* .NotFoundError */ .m_(`${this.uri(bucket, name)} does not exist.`);
            throw failure('read', this.uri(bucket, name), err);
        }
        try {
            const size = (await handle.stat()).size;
            const start = range?.start ?? 0;
            const end = Math.min(range?.end ?? size - 1, size - 1);
            if (start >= size || end < start)
                return Buffer.alloc(0);
            const buffer = Buffer.alloc(end - start + 1);
            let offset = 0;
            while (offset < buffer.length) {
                const { bytesRead } = await handle.read(buffer, offset, buffer.length - offset, start + offset);
                if (bytesRead === 0)
                    break;
                offset += bytesRead;
            }
            return buffer.subarray(0, offset);
        }
        finally {
            await handle.close();
        }
    }
    readStream(bucket, name) {
        const path = this.#dataPath(bucket, name);
        const uri = this.uri(bucket, name);
        const crc = new _crc32c_js__WEBPACK_IMPORTED_MODULE_7__/* .Crc32c */ .zH();
        const sidecar = this.#sidecar(bucket, name, path).catch(() => undefined);
        // Checks the bytes against the CRC32C recorded at write time, like the GCS client does with x-goog-hash.
        const validate = new node_stream__WEBPACK_IMPORTED_MODULE_4__.Transform({
            transform(chunk, _encoding, callback) {
                crc.update(chunk);
                callback(null, chunk);
            },
            flush(callback) {
                sidecar.then((meta) => {
                    if (meta && meta.crc32c !== crc.base64()) {
                        callback(new _object_store_js__WEBPACK_IMPORTED_MODULE_8__/* .ObjectStoreError */ .RT(`${uri} is corrupt: its CRC32C is ${crc.base64()} but ${meta.crc32c} was recorded when it was written.`));
                    }
                    else
                        callback();
                }, callback);
            },
        });
        const out = new node_stream__WEBPACK_IMPORTED_MODULE_4__.PassThrough();
        (0,node_stream__WEBPACK_IMPORTED_MODULE_4__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path), validate, (err) => {
            if (err)
                out.destroy(isMissing(err) ? new _object_store_js__WEBPACK_IMPORTED_MODULE_8__/* .NotFoundError */ .m_(`${uri} does not exist.`) : failure('read', uri, err));
        }).pipe(out);
        return out;
    }
    async list(bucket, prefix) {
        const bucketDir = this.#bucketDir(bucket);
        // Start at the deepest folder the prefix names, rather than walking the whole bucket.
        const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
        const names = [];
        await walk(folder ? (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(bucketDir, ...folder.split('/')) : bucketDir, folder, names);
        const matching = names.filter((n) => n.startsWith(prefix)).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
        const infos = [];
        // A few dozen stats in flight at once: a staging prefix can hold thousands of objects.
        for (let i = 0; i < matching.length; i += 64) {
            infos.push(...(await Promise.all(matching.slice(i, i + 64).map((name) => this.stat(bucket, name)))));
        }
        return infos.filter((info) => info !== undefined);
    }
    async delete(bucket, name) {
        const path = this.#dataPath(bucket, name);
        for (const file of [path, this.#metaPath(bucket, name)]) {
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(file);
            }
            catch (err) {
                if (!isMissing(err))
                    throw failure('delete', this.uri(bucket, name), err);
            }
        }
        await pruneEmptyFolders((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path), this.#bucketDir(bucket));
        await pruneEmptyFolders((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(this.#metaPath(bucket, name)), (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(this.root, META_DIR, bucket));
    }
}
/** Object name → path segments; refuses names a folder cannot hold faithfully (GCS allows them, we do not). */
function segmentsOf(name) {
    const segments = name.split('/');
    if (name.length === 0 ||
        name.includes('\0') ||
        name.includes('\\') ||
        segments.some((s) => s === '' || s === '.' || s === '..')) {
        throw new Error(`"${name}" cannot be stored in the local object store: names must be non-empty, '/'-separated, without empty, '.' or '..' parts.`);
    }
    return segments;
}
async function writeTemp(path, source) {
    if (typeof source === 'string' || Buffer.isBuffer(source)) {
        const data = typeof source === 'string' ? Buffer.from(source) : source;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(path, data, { flag: 'wx' });
        return { crc32c: (0,_crc32c_js__WEBPACK_IMPORTED_MODULE_7__/* .crc32cBase64 */ .wm)(data), size: data.length };
    }
    // Room for the producer to run ahead of the disk: with the 16 KiB defaults a streamed ingest waited for a
    // write at every chunk, and validating 100 MB into the store took ~2.2 s instead of ~1.2 s.
    const checksum = new _crc32c_js__WEBPACK_IMPORTED_MODULE_7__/* .Crc32cStream */ .Pj({ writableHighWaterMark: WRITE_BUFFER, readableHighWaterMark: WRITE_BUFFER });
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)(source, checksum, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(path, { flags: 'wx', highWaterMark: WRITE_BUFFER }));
    return { crc32c: checksum.crc32c.base64(), size: checksum.crc32c.bytes };
}
async function walk(dir, relative, out) {
    let entries;
    try {
        entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir, { withFileTypes: true });
    }
    catch (err) {
        if (isMissing(err) || err.code === 'ENOTDIR')
            return;
        throw err;
    }
    for (const entry of entries) {
        const name = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory())
            await walk((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, entry.name), name, out);
        else if (entry.isFile())
            out.push(name);
    }
}
async function pruneEmptyFolders(dir, stopAt) {
    let current = dir;
    while (current.startsWith(stopAt + node_path__WEBPACK_IMPORTED_MODULE_3__.sep)) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rmdir)(current);
        }
        catch {
            return; // not empty (or already gone): stop
        }
        current = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(current);
    }
}
/** The GCS store's error shape for local failures; permission problems carry 403 as GCS would answer. */
function failure(action, uri, err) {
    if (err instanceof _object_store_js__WEBPACK_IMPORTED_MODULE_8__/* .ObjectStoreError */ .RT || err instanceof _object_store_js__WEBPACK_IMPORTED_MODULE_8__/* .NotFoundError */ .m_)
        return err;
    const code = err?.code;
    const status = code === 'EACCES' || code === 'EPERM' ? 403 : undefined;
    return new _object_store_js__WEBPACK_IMPORTED_MODULE_8__/* .ObjectStoreError */ .RT(`Failed to ${action} ${uri}: ${err?.message ?? String(err)}`, status, { cause: err });
}
function isMissing(err) {
    return err?.code === 'ENOENT';
}


/***/ })

};
