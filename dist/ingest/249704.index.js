import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 249704;
export const ids = [249704];
export const modules = {

/***/ 3383:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createDuckDbWarehouse: () => (/* binding */ createDuckDbWarehouse)
});

// UNUSED EXPORTS: LOAD_MEMORY_FALLBACK, LOAD_MEMORY_LIMIT, localPath

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./src/warehouse/duckdb-sql.ts
const LEDGER_SCHEMA = '_dc_pipeline';
const LEDGER_TABLE = `${LEDGER_SCHEMA}.loads`;
const TYPES = {
    STRING: 'VARCHAR',
    INTEGER: 'BIGINT',
    FLOAT: 'DOUBLE',
    NUMERIC: 'DECIMAL(38,9)',
    BOOLEAN: 'BOOLEAN',
    DATE: 'DATE',
    DATETIME: 'TIMESTAMP',
    TIMESTAMP: 'TIMESTAMPTZ',
};
function duckDbType(type) {
    return TYPES[type];
}
function ident(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
function literal(value) {
    return `'${value.replace(/'/g, "''")}'`;
}
function qualified(schema, table) {
    return `${ident(schema)}.${ident(table)}`;
}
function createTableSql(schema, table, columns) {
    const defs = columns.map((c) => `${ident(c.name)} ${duckDbType(c.type)}${c.mode === 'REQUIRED' ? ' NOT NULL' : ''}`);
    return `CREATE TABLE IF NOT EXISTS ${qualified(schema, table)} (${defs.join(', ')})`;
}
/**
 * An unquoted empty field is NULL and a quoted "" is an empty string (allow_quoted_nulls=false), which is
 * how BigQuery reads the same file into a STRING column.
 */
function readCsvSql(path, columns) {
    const types = columns.map((c) => `${literal(c.name)}: ${literal(c.type === 'NUMERIC' ? 'VARCHAR' : duckDbType(c.type))}`).join(', ');
    return (`read_csv(${literal(path)}, columns = {${types}}, header = true, delim = ',', quote = '"', escape = '"', ` +
        `encoding = 'utf-8', auto_detect = false, allow_quoted_nulls = false, strict_mode = true, null_padding = false, ` +
        `buffer_size = ${CSV_BUFFER_BYTES})`);
}
/**
 * read_csv's buffer (default 32 MB, one per thread) would not fit the load's memory limit; 4 MiB still holds
 * twice DuckDB's default max_line_size (2 MB).
 */
const CSV_BUFFER_BYTES = 4 * 1024 * 1024;
function insertFromCsvSql(schema, table, path, columns) {
    const names = columns.map((c) => ident(c.name)).join(', ');
    const values = columns.map((c) => (c.type === 'NUMERIC' ? numericFromText(ident(c.name)) : ident(c.name))).join(', ');
    return `INSERT INTO ${qualified(schema, table)} (${names}) SELECT ${values} FROM ${readCsvSql(path, columns)}`;
}
/**
 * Text → DECIMAL(38,9). DuckDB parses text into a 128-bit decimal about 100× slower than into a 64-bit one
 * (13 s against 0.12 s for 300k values here), so values that fit DECIMAL(18,9) take that path and only the
 * rest the wide one; both round to 9 decimals identically, and a bad value still fails the wide cast.
 */
function numericFromText(column) {
    return `COALESCE(TRY_CAST(${column} AS DECIMAL(18,9)), CAST(${column} AS DECIMAL(38,9)))`;
}
const CREATE_LEDGER_SQL = `CREATE SCHEMA IF NOT EXISTS ${LEDGER_SCHEMA}; ` +
    `CREATE TABLE IF NOT EXISTS ${LEDGER_TABLE} (job_id VARCHAR PRIMARY KEY, dataset VARCHAR NOT NULL, "table" VARCHAR NOT NULL, ` +
    `rows BIGINT NOT NULL, loaded_at TIMESTAMPTZ NOT NULL, source_uri VARCHAR, write_mode VARCHAR, labels VARCHAR)`;

;// CONCATENATED MODULE: ./src/warehouse/duckdb.ts
/**
 * The embedded default warehouse: DuckDB in one file (.dc-pipeline/warehouse.duckdb). Same contract as the
 * BigQuery loader: the catalog schema, append or replace, and at most one load per job id — the rows and a
 * row in the `_dc_pipeline.loads` ledger are written in one transaction, so a rerun finds the ledger row and
 * adopts it, and a failed load leaves neither behind.
 *
 * DuckDB allows one open instance per file per process, and a single connection here runs one statement at a
 * time: every warehouse on the same file in this process shares one instance and one queue, which is also
 * what serializes concurrent loads (50 identical events become one load and 49 adoptions). Another process
 * cannot open the file while this one has it open (DuckDB's single-writer lock); it gets an error naming the file.
 *
 * Partitioning and clustering have no DuckDB counterpart worth emulating and are ignored here.
 */




const openFiles = new Map();
/** Files whose last warehouse is closing: a new open waits, so one file never has two live instances. */
const closingFiles = new Map();
function createDuckDbWarehouse(options) {
    const path = (0,external_node_path_.resolve)(options.path);
    const now = options.now ?? (() => new Date());
    const memoryLimit = options.memoryLimit ?? LOAD_MEMORY_LIMIT;
    let shared;
    let closed = false;
    const run = (work) => {
        if (closed)
            return Promise.reject(new Error(`DuckDB warehouse ${path} is closed`));
        shared ??= acquire(path, memoryLimit);
        const db = shared;
        const next = db.queue.then(async () => work((await db.ready).connection));
        db.queue = next.catch(() => undefined);
        return next;
    };
    return {
        load: (request) => run((connection) => loadWithinMemory(connection, request, now(), memoryLimit)),
        query: (sql) => run(async (connection) => {
            const reader = await connection.runAndReadAll(sql);
            return reader.getRowObjectsJson();
        }),
        async close() {
            if (closed)
                return;
            closed = true;
            if (shared)
                await release(path, shared);
        },
    };
}
/**
 * DuckDB's defaults (memory_limit = 80% of RAM, insertion order kept) let one 1 GB load grow this process to 2.1 GB
 * and crawl at 2 MB/s. With a 32 MB limit, insertion order released (BigQuery keeps none either) and 4 MiB CSV
 * buffers (see readCsvSql), the load alone took 10.4–10.8 s (~95 MB/s) and a whole 1 GB local ingest peaks at
 * ~175 MB, spilling to disk if needed.
 */
const LOAD_MEMORY_LIMIT = '32MB';
/** For the rare load that cannot fit (very wide rows): retried once with room, then the limit is set back. */
const LOAD_MEMORY_FALLBACK = '2GB';
async function loadWithinMemory(connection, request, loadedAt, memoryLimit) {
    try {
        return await loadOnce(connection, request, loadedAt);
    }
    catch (err) {
        // A failed load rolled back completely, so trying again with more memory cannot load twice.
        if (!/Out of Memory/i.test(err instanceof Error ? err.message : String(err)))
            throw err;
        await connection.run(`SET memory_limit = '${LOAD_MEMORY_FALLBACK}'`);
        try {
            return await loadOnce(connection, request, loadedAt);
        }
        finally {
            // DuckDB refuses to lower the limit below what its buffer pool holds right now; the larger limit then
            // stays for this process, which is the lesser evil next to failing a load that succeeded.
            await connection.run(`SET memory_limit = ${literal(memoryLimit)}`).catch(() => undefined);
        }
    }
}
async function loadOnce(connection, request, loadedAt) {
    const { dataset: schema, table } = request.target;
    const tableName = `${schema}.${table}`;
    const earlier = await priorLoad(connection, request, tableName);
    if (earlier && !earlier.superseded) {
        return { jobId: earlier.jobId, attempt: earlier.attempt, adopted: true, rowsLoaded: earlier.rows, table: earlier.table };
    }
    // A failed load rolls back completely, so no failed attempt is ever left to skip: the next attempt number is
    // 1, or one past the last load of this content (into this table and overwritten since, or into another table
    // the catalog targeted before).
    const attempt = (await lastAttempt(connection, request)) + 1;
    const jobId = `${request.jobIdPrefix}_${attempt}`;
    const source = localPath(request.sourceUri);
    await connection.run('BEGIN TRANSACTION');
    try {
        await connection.run(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
        // Replace rebuilds the table with the catalog's schema, as WRITE_TRUNCATE takes the load's schema.
        if (request.writeMode === 'replace')
            await connection.run(`DROP TABLE IF EXISTS ${qualified(schema, table)}`);
        await connection.run(createTableSql(schema, table, request.schema));
        const inserted = await connection.run(insertFromCsvSql(schema, table, source, request.schema));
        const rows = Number(inserted.rowsChanged);
        await connection.run(`INSERT INTO ${LEDGER_TABLE} VALUES ($job_id, $dataset, $table, $rows, $loaded_at::TIMESTAMPTZ, $source_uri, $write_mode, $labels)`, {
            job_id: jobId,
            dataset: request.dataset,
            table: tableName,
            rows,
            loaded_at: loadedAt.toISOString(),
            source_uri: request.sourceUri,
            write_mode: request.writeMode,
            labels: JSON.stringify(request.labels ?? {}),
        });
        await connection.run('COMMIT');
        return { jobId, attempt, adopted: false, rowsLoaded: rows, table: tableName };
    }
    catch (err) {
        await connection.run('ROLLBACK').catch(() => undefined);
        throw new Error(`DuckDB load ${jobId} into ${tableName} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
}
/**
 * The latest ledger entry of this content (job id prefix), and — in replace mode — whether another load into
 * the same table came after it, in which case the table no longer holds this content and it must load again.
 */
/** The latest load of this content into this table (a load into another table is not this load). */
async function priorLoad(connection, request, tableName) {
    const reader = await connection.runAndReadAll(`SELECT job_id, rows, "table", rowid AS seq FROM ${LEDGER_TABLE} WHERE starts_with(job_id, $prefix) AND "table" = $table ORDER BY rowid DESC LIMIT 1`, { prefix: `${request.jobIdPrefix}_`, table: tableName });
    const row = reader.getRowObjectsJson()[0];
    if (!row)
        return undefined;
    const jobId = String(row.job_id);
    let superseded = false;
    if (request.writeMode === 'replace') {
        const later = await connection.runAndReadAll(`SELECT count(*) AS n FROM ${LEDGER_TABLE} WHERE "table" = $table AND rowid > $seq`, {
            table: tableName,
            seq: Number(row.seq),
        });
        superseded = Number(later.getRowObjectsJson()[0]?.n ?? 0) > 0;
    }
    return { jobId, attempt: Number(jobId.slice(request.jobIdPrefix.length + 1)), rows: Number(row.rows), table: String(row.table), superseded };
}
/** The highest attempt number any load of this content used, whatever its table (0 for none). */
async function lastAttempt(connection, request) {
    const reader = await connection.runAndReadAll(`SELECT job_id FROM ${LEDGER_TABLE} WHERE starts_with(job_id, $prefix)`, {
        prefix: `${request.jobIdPrefix}_`,
    });
    let last = 0;
    for (const row of reader.getRowObjectsJson())
        last = Math.max(last, Number(String(row.job_id).slice(request.jobIdPrefix.length + 1)) || 0);
    return last;
}
/** The staged file: file:///abs/path or a plain path. */
function localPath(sourceUri) {
    if (sourceUri.startsWith('file://'))
        return (0,external_node_url_.fileURLToPath)(sourceUri);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(sourceUri)) {
        throw new Error(`The DuckDB warehouse loads local staged files (file:// or a path); got ${sourceUri}`);
    }
    return (0,external_node_path_.resolve)(sourceUri);
}
function acquire(path, memoryLimit) {
    let db = openFiles.get(path);
    if (!db) {
        const ready = (async () => {
            await closingFiles.get(path);
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
            // webpackIgnore: ncc would otherwise hoist this external into a static import at the top of every bundle
            // that can reach this file (the action and service too), failing them at start without the package.
            const { DuckDBInstance } = await import(/* webpackIgnore: true */ '@duckdb/node-api').catch((err) => {
                throw new Error('The local target needs the @duckdb/node-api package, which the action and service bundles do not include: ' +
                    `use the npm-installed CLI (npm install dc-pipeline-actions) or npm install @duckdb/node-api. (${err instanceof Error ? err.message : String(err)})`, { cause: err });
            });
            const instance = await DuckDBInstance.create(path).catch((err) => {
                // The usual cause is another process holding the file's write lock (DuckDB allows one writer).
                throw new Error(`Failed to open the DuckDB warehouse ${path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
            });
            const connection = await instance.connect();
            // Timestamps print in UTC whatever the machine's zone, so outputs do not depend on where they ran.
            await connection.run(`SET TimeZone = 'UTC'; SET memory_limit = ${literal(memoryLimit)}; SET preserve_insertion_order = false; ${CREATE_LEDGER_SQL}`);
            return { instance, connection };
        })();
        db = { ready, users: 0, queue: ready.catch(() => undefined) };
        openFiles.set(path, db);
        const entry = db;
        ready.catch(() => {
            if (openFiles.get(path) === entry)
                openFiles.delete(path);
        });
    }
    db.users += 1;
    return db;
}
async function release(path, db) {
    db.users -= 1;
    if (db.users > 0)
        return;
    // A failed open already left the map (and a newer open of the same file may be there now).
    if (openFiles.get(path) === db)
        openFiles.delete(path);
    const closing = (async () => {
        await db.queue;
        const opened = await db.ready.catch(() => undefined);
        opened?.connection.closeSync();
        opened?.instance.closeSync();
    })();
    closingFiles.set(path, closing);
    try {
        await closing;
    }
    finally {
        if (closingFiles.get(path) === closing)
            closingFiles.delete(path);
    }
}


/***/ })

};
