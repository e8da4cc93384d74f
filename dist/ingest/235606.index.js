import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 38;
export const ids = [38,60];
export const modules = {

/***/ 38:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ingestOne: () => (/* binding */ ingestOne)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/ingest/catalog.ts




/**
 * The dataset catalog (datasets.yaml): parsed with a zod schema of the YAML's own kebab-case shape, checked
 * across fields (unique names, partition and cluster fields that exist), and mapped onto DatasetSpec. Every
 * problem is reported at once, each with its path in the file and its line, so one run fixes the whole file.
 */
const DATASET_NAME = /^[a-z][a-z0-9_]*$/;
const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,299}$/;
const BIGQUERY_ID = /^[A-Za-z0-9_]{1,1024}$/;
const COLUMN_TYPES = ['STRING', 'INTEGER', 'FLOAT', 'NUMERIC', 'BOOLEAN', 'DATE', 'DATETIME', 'TIMESTAMP'];
const TIME_TYPES = new Set(['DATE', 'DATETIME', 'TIMESTAMP']);
/** One ASCII character other than a line break: the CSV scanner works on bytes. */
const csvCharacter = (what) => schemas/* string */.YjP().regex(/^[\x20-\x7e\t]$/, {
    error: `${what} must be one printable ASCII character (write a tab as "\\t")`,
});
const columnSchema = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().regex(COLUMN_NAME, { error: 'must be a BigQuery column name ([A-Za-z_][A-Za-z0-9_]*)' }),
    type: schemas/* enum */.k5n(COLUMN_TYPES),
    mode: schemas/* enum */.k5n(['NULLABLE', 'REQUIRED']).default('NULLABLE'),
    description: schemas/* string */.YjP().optional(),
    'source-name': schemas/* string */.YjP().min(1).optional(),
});
const datasetSchema = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().regex(DATASET_NAME, { error: 'must match [a-z][a-z0-9_]*' }),
    description: schemas/* string */.YjP().optional(),
    source: schemas/* strictObject */.rej({
        url: schemas/* string */.YjP().min(1, { error: 'must not be empty' }),
        format: schemas/* literal */.euz('csv').default('csv'),
        compression: schemas/* enum */.k5n(['auto', 'none', 'gzip']).default('auto'),
    }),
    csv: schemas/* strictObject */.rej({
        delimiter: csvCharacter('the delimiter').default(','),
        quote: csvCharacter('the quote').default('"'),
        header: schemas/* boolean */.zMY().default(true),
        encoding: schemas/* enum */.k5n(['utf-8', 'latin1', 'utf-16le']).default('utf-8'),
    })
        .default({ delimiter: ',', quote: '"', header: true, encoding: 'utf-8' }),
    schema: schemas/* array */.YOg(columnSchema).min(1, { error: 'must list at least one column' }),
    target: schemas/* strictObject */.rej({
        dataset: schemas/* string */.YjP().regex(BIGQUERY_ID, { error: 'must be a BigQuery dataset id ([A-Za-z0-9_]+)' }),
        table: schemas/* string */.YjP().regex(BIGQUERY_ID, { error: 'must be a BigQuery table id ([A-Za-z0-9_]+)' }).optional(),
    }),
    partitioning: schemas/* strictObject */.rej({
        type: schemas/* enum */.k5n(['DAY', 'HOUR', 'MONTH', 'YEAR']),
        field: schemas/* string */.YjP().optional(),
    })
        .optional(),
    clustering: schemas/* array */.YOg(schemas/* string */.YjP()).min(1).max(4, { error: 'BigQuery clusters on at most 4 columns' }).optional(),
    'write-mode': schemas/* enum */.k5n(['append', 'replace']).default('append'),
    load: schemas/* enum */.k5n(['bigquery', 'dataflow', 'none']).default('bigquery'),
    'max-bad-rows': schemas/* number */.aig().int().min(0).default(0),
    'runs-on': schemas/* array */.YOg(schemas/* enum */.k5n(['dispatch', 'after-deploy'])).min(1).default(['dispatch']),
});
const catalogSchema = schemas/* strictObject */.rej({
    datasets: schemas/* array */.YOg(datasetSchema).min(1, { error: 'must declare at least one dataset' }),
});
/** Parses and validates catalog text; `file` names the file in messages. */
function parseCatalog(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false });
    if (doc.errors.length > 0) {
        const lines = doc.errors.map((e) => `${file}:${lineCounter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`);
        throw new errors/* UserError */.y(`${file} is not valid YAML:\n${lines.join('\n')}`);
    }
    const data = doc.toJS();
    const result = catalogSchema.safeParse(data, { reportInput: true });
    const problems = [];
    if (!result.success) {
        for (const issue of result.error.issues)
            problems.push(...describeIssue(issue));
    }
    problems.push(...crossCheck(data));
    if (problems.length > 0) {
        const lineOf = (path) => {
            const node = doc.getIn(path, true);
            return node?.range ? ` (line ${lineCounter.linePos(node.range[0]).line})` : '';
        };
        const lines = problems.map((p) => `${file}: ${formatPath(p.path)}: ${p.message}${lineOf(p.path)}`);
        throw new errors/* UserError */.y(`${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    }
    if (!result.success)
        throw new Error('unreachable: a failed parse always reports a problem');
    return { file, datasets: result.data.datasets.map(toDatasetSpec) };
}
async function loadCatalog(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT') {
            throw new errors/* UserError */.y(`catalog ${path} does not exist; pass the path of your datasets.yaml.`);
        }
        throw error;
    }
    return parseCatalog(text, path);
}
function findDataset(catalog, name) {
    const found = catalog.datasets.find((dataset) => dataset.name === name);
    if (found)
        return found;
    const known = catalog.datasets.map((dataset) => dataset.name).join(', ');
    throw new errors/* UserError */.y(`dataset "${name}" is not in ${catalog.file}; it declares: ${known}.`);
}
function formatPath(path) {
    let out = '';
    for (const part of path)
        out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
    return out === '' ? '(top level)' : out;
}
function shown(value) {
    return JSON.stringify(value) ?? String(value);
}
function describeIssue(issue) {
    const path = issue.path.filter((p) => typeof p !== 'symbol');
    const got = 'input' in issue && issue.input !== undefined ? `; got ${shown(issue.input)}` : '';
    switch (issue.code) {
        case 'invalid_value':
            return [{ path, message: `expected one of ${issue.values.map((v) => String(v)).join(', ')}${got}` }];
        case 'invalid_type':
            if (!('input' in issue) || issue.input === undefined) {
                return [{ path, message: `is required (${issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`})` }];
            }
            return [{ path, message: `expected ${issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`}${got}` }];
        case 'unrecognized_keys':
            return issue.keys.map((key) => ({ path: [...path, key], message: 'is not a known setting' }));
        case 'too_small':
        case 'too_big':
            return [{ path, message: `${issue.message.replace(/^Too (small|big): /, '')}${got}` }];
        default:
            return [{ path, message: `${issue.message}${got}` }];
    }
}
/** Checks that span fields; tolerant of a malformed shape (zod reports that) so every problem shows at once. */
function crossCheck(data) {
    const problems = [];
    const datasets = asArray(asRecord(data)?.datasets);
    const firstByName = new Map();
    datasets.forEach((raw, i) => {
        const dataset = asRecord(raw);
        if (!dataset)
            return;
        const name = dataset.name;
        if (typeof name === 'string') {
            const first = firstByName.get(name);
            if (first === undefined)
                firstByName.set(name, i);
            else
                problems.push({ path: ['datasets', i, 'name'], message: `"${name}" is already used by datasets[${first}]` });
        }
        const columns = new Map();
        asArray(dataset.schema).forEach((column, k) => {
            const columnName = asRecord(column)?.name;
            if (typeof columnName !== 'string')
                return;
            const key = columnName.toLowerCase(); // BigQuery column names are case-insensitive
            if (columns.has(key)) {
                problems.push({ path: ['datasets', i, 'schema', k, 'name'], message: `column "${columnName}" is declared twice` });
            }
            columns.set(key, String(asRecord(column)?.type));
        });
        const field = asRecord(dataset.partitioning)?.field;
        if (typeof field === 'string') {
            const type = columns.get(field.toLowerCase());
            if (type === undefined) {
                problems.push({ path: ['datasets', i, 'partitioning', 'field'], message: `"${field}" is not a column of the schema` });
            }
            else if (!TIME_TYPES.has(type)) {
                problems.push({
                    path: ['datasets', i, 'partitioning', 'field'],
                    message: `"${field}" is ${type}; time partitioning needs a DATE, DATETIME or TIMESTAMP column`,
                });
            }
        }
        asArray(dataset.clustering).forEach((cluster, k) => {
            if (typeof cluster === 'string' && !columns.has(cluster.toLowerCase())) {
                problems.push({ path: ['datasets', i, 'clustering', k], message: `"${cluster}" is not a column of the schema` });
            }
        });
        const csv = asRecord(dataset.csv);
        if (csv && csv.delimiter !== undefined && csv.delimiter === (csv.quote ?? '"')) {
            problems.push({ path: ['datasets', i, 'csv', 'quote'], message: 'must differ from the delimiter' });
        }
    });
    return problems;
}
function asRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
function asArray(value) {
    return Array.isArray(value) ? value : [];
}
function toDatasetSpec(raw) {
    const schema = raw.schema.map((column) => ({
        name: column.name,
        type: column.type,
        mode: column.mode,
        ...(column.description === undefined ? {} : { description: column.description }),
        ...(column['source-name'] === undefined ? {} : { sourceName: column['source-name'] }),
    }));
    return {
        name: raw.name,
        ...(raw.description === undefined ? {} : { description: raw.description }),
        source: { url: raw.source.url, format: raw.source.format, compression: raw.source.compression },
        csv: { ...raw.csv },
        schema,
        target: { dataset: raw.target.dataset, table: raw.target.table ?? raw.name },
        ...(raw.partitioning === undefined
            ? {}
            : { partitioning: { type: raw.partitioning.type, ...(raw.partitioning.field ? { field: raw.partitioning.field } : {}) } }),
        ...(raw.clustering === undefined ? {} : { clustering: raw.clustering }),
        writeMode: raw['write-mode'],
        load: raw.load,
        maxBadRows: raw['max-bad-rows'],
        runsOn: [...new Set(raw['runs-on'])],
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: external "node:dns/promises"
var external_node_dns_promises_ = __webpack_require__(1553);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/ingest/ssrf.ts



/** Kinds a caller may allow explicitly (tests and the local demo serve from loopback). */
const ALLOWABLE = new Set(['loopback', 'private', 'shared (CGNAT)', 'unique-local']);
/** Names of the GCE metadata server: refused before any DNS lookup, whatever else is allowed. */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata', 'metadata.goog']);
const systemLookup = (hostname) => (0,external_node_dns_promises_.lookup)(hostname, { all: true, verbatim: true });
function ipv4Kind(address) {
    const [a = 0, b = 0, c = 0] = address.split('.').map(Number);
    if (a === 0)
        return 'unspecified';
    if (a === 127)
        return 'loopback';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168))
        return 'private';
    if (a === 100 && b >= 64 && b <= 127)
        return 'shared (CGNAT)';
    if (a === 169 && b === 254)
        return 'link-local';
    if (a >= 224 && a <= 239)
        return 'multicast';
    if (a >= 240)
        return 'reserved'; // 240/4 and the broadcast address
    // IANA special-purpose blocks that no dataset host lives in: IETF protocol assignments (192.0.0.0/24), the
    // documentation nets (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24), the 6to4 relay anycast (192.88.99.0/24)
    // and the benchmarking net 198.18.0.0/15, which some networks use inside.
    if (a === 192 && b === 0 && (c === 0 || c === 2))
        return 'reserved';
    if ((a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113) || (a === 192 && b === 88 && c === 99))
        return 'reserved';
    if (a === 198 && (b === 18 || b === 19))
        return 'reserved';
    return 'public';
}
/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part becomes the last two). */
function ipv6Groups(address) {
    let text = address.toLowerCase();
    const zone = text.indexOf('%');
    if (zone !== -1)
        text = text.slice(0, zone);
    const tail = [];
    const lastColon = text.lastIndexOf(':');
    const last = text.slice(lastColon + 1);
    if (last.includes('.')) {
        const [a = 0, b = 0, c = 0, d = 0] = last.split('.').map(Number);
        tail.push((a << 8) | b, (c << 8) | d);
        text = `${text.slice(0, lastColon + 1)}0`;
    }
    const [head = '', rest] = text.split('::');
    const parse = (part) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
    const front = parse(head);
    const back = rest === undefined ? [] : parse(rest);
    if (tail.length > 0) {
        if (back.length > 0)
            back.pop(); // the placeholder group that stood for the dotted part
        else
            front.pop();
    }
    const missing = 8 - front.length - back.length - tail.length;
    return [...front, ...new Array(Math.max(missing, 0)).fill(0), ...back, ...tail];
}
function dotted(high, low) {
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}
function embeddedIn(g) {
    const zero = (from, to) => g.slice(from, to).every((x) => x === 0);
    const [g0 = 0, g1 = 0, g2 = 0, , g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
    // ::ffff:0:a.b.c.d (RFC 2765 SIIT): a translator turns it into a plain IPv4 packet to a.b.c.d.
    if (zero(0, 4) && g4 === 0xffff && g5 === 0)
        return { ipv4: dotted(g6, g7), via: 'IPv4-translated' };
    // 64:ff9b::/96 (RFC 6052 well-known NAT64 prefix): DNS64 networks reach every IPv4 host this way.
    if (g0 === 0x64 && g1 === 0xff9b && zero(2, 6))
        return { ipv4: dotted(g6, g7), via: 'NAT64' };
    // 2002::/16 (6to4): the relay sends the packet to the IPv4 address in bits 16-47.
    if (g0 === 0x2002)
        return { ipv4: dotted(g1, g2), via: '6to4' };
    return undefined;
}
/** The IPv4 address inside an IPv4-translated, NAT64 (well-known prefix) or 6to4 address; undefined otherwise. */
function embeddedIpv4(address) {
    return (0,external_node_net_.isIP)(address.split('%')[0] ?? '') === 6 ? embeddedIn(ipv6Groups(address)) : undefined;
}
function ipv6Kind(address) {
    const g = ipv6Groups(address);
    const [first = 0, second = 0, third = 0] = g;
    if (g.every((x) => x === 0))
        return 'unspecified';
    if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1)
        return 'loopback';
    // ::ffff:a.b.c.d reaches the IPv4 address it wraps; ::a.b.c.d (deprecated IPv4-compatible) likewise. Both are
    // refused whatever they wrap: a public host is reached by its IPv4 address, never through these forms.
    if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0))
        return 'IPv4-mapped IPv6';
    // Addresses that a translator or relay turns into an IPv4 packet are what that IPv4 address is: 64:ff9b::8.8.8.8
    // is how an IPv6-only (DNS64) network reaches a public host, 64:ff9b::169.254.169.254 is the metadata server.
    const embedded = embeddedIn(g);
    if (embedded)
        return ipv4Kind(embedded.ipv4);
    // 64:ff9b:1::/48 (RFC 8215) is for NAT64 inside one network, with a prefix length the operator chooses, so the
    // IPv4 part cannot be located: refuse the whole range.
    if (first === 0x64 && second === 0xff9b && third === 1)
        return 'reserved';
    if ((first & 0xfe00) === 0xfc00)
        return 'unique-local';
    // fec0::/10, site-local: deprecated, but still a network's own addresses where it is used.
    if ((first & 0xffc0) === 0xfec0)
        return 'unique-local';
    if ((first & 0xffc0) === 0xfe80)
        return 'link-local';
    if ((first & 0xff00) === 0xff00)
        return 'multicast';
    // 2001::/23, IETF protocol assignments: Teredo (2001::/32) tunnels to an obfuscated IPv4 address through a
    // relay, the rest (ORCHID, AS112, AMT…) serves protocols, not web hosts. 2001:db8::/32 is for documentation and
    // 100::/64 discards everything.
    if (first === 0x2001 && second < 0x200)
        return 'reserved';
    if (first === 0x2001 && second === 0xdb8)
        return 'reserved';
    if (first === 0x100 && second === 0 && third === 0 && g[3] === 0)
        return 'reserved';
    return 'public';
}
/** What kind of address this is; throws for something that is not an IP address. */
function addressKind(address) {
    const version = (0,external_node_net_.isIP)(address.split('%')[0] ?? '');
    if (version === 4)
        return ipv4Kind(address);
    if (version === 6)
        return ipv6Kind(address);
    throw new Error(`not an IP address: ${address}`);
}
/** Why connecting to this address is refused, or undefined when it is allowed. */
function refusalOf(address, allowPrivateAddresses) {
    const kind = addressKind(address);
    if (kind === 'public')
        return undefined;
    if (allowPrivateAddresses && ALLOWABLE.has(kind))
        return undefined;
    const hint = ALLOWABLE.has(kind) ? ' (allow private addresses explicitly for local use)' : '';
    const embedded = embeddedIpv4(address);
    const wraps = embedded ? ` (${embedded.via} of ${embedded.ipv4})` : '';
    return `${address} is a ${kind} address${wraps}${hint}`;
}
/**
 * Resolves a URL's host and checks every address it has; returns the one to connect to. IP literals are checked
 * as they are. Refuses the metadata server by name, even when private addresses are allowed.
 */
async function resolveChecked(hostname, options) {
    const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
    const literal = (0,external_node_net_.isIP)(host);
    if (literal !== 0) {
        const refusal = refusalOf(host, options.allowPrivateAddresses);
        if (refusal)
            throw new errors/* UserError */.y(`refusing to fetch from ${hostname}: ${refusal}.`);
        return { address: host, family: literal };
    }
    if (METADATA_NAMES.has(host)) {
        throw new errors/* UserError */.y(`refusing to fetch from ${hostname}: it is the cloud metadata server.`);
    }
    let answers;
    try {
        answers = await (options.lookup ?? systemLookup)(host);
    }
    catch (error) {
        throw new errors/* UserError */.y(`cannot resolve ${hostname}: ${error.message}`);
    }
    if (answers.length === 0)
        throw new errors/* UserError */.y(`cannot resolve ${hostname}: no addresses.`);
    // Every answer must pass, not just the first: a resolver may rotate them between this check and a retry.
    for (const answer of answers) {
        const refusal = refusalOf(answer.address, options.allowPrivateAddresses);
        if (refusal)
            throw new errors/* UserError */.y(`refusing to fetch from ${hostname}: it resolves to ${refusal}.`);
    }
    const chosen = answers[0];
    return { address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}

;// CONCATENATED MODULE: ./src/ingest/fetch.ts









const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNABORTED']);
async function openSource(url, options) {
    if (/^https?:\/\//i.test(url))
        return openHttp(new URL(url), options);
    if (/^gs:\/\//i.test(url))
        return openGcs(url, options);
    if (/^file:\/\//i.test(url))
        return openLocal((0,external_node_url_.fileURLToPath)(url), url, options);
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(url)) {
        throw new errors/* UserError */.y(`source ${fetch_shown(url)} has an unsupported scheme; expected https://, gs:// or a local path.`);
    }
    return openLocal(url, url, options);
}
/** A URL for messages and reports: no user info, no query (signed URLs carry their credentials there). */
function fetch_shown(url) {
    try {
        const parsed = new URL(url);
        return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
    }
    catch {
        return String(url).split('?')[0] ?? '';
    }
}
async function openLocal(path, url, options) {
    let size;
    let modified;
    try {
        const info = await (0,promises_.stat)(path);
        if (!info.isFile())
            throw new errors/* UserError */.y(`source ${path} is not a file.`);
        size = info.size;
        modified = info.mtime;
    }
    catch (error) {
        if (error.code === 'ENOENT')
            throw new errors/* UserError */.y(`source ${path} does not exist.`);
        throw error;
    }
    if (size > options.maxBytes)
        throw tooLarge(url, options.maxBytes, size);
    const counter = new ByteCounter(url, options, size);
    feed((0,external_node_fs_.createReadStream)(path), counter);
    // The file's mtime stands in for Last-Modified: with the size, it tells a rerun whether the file looks unchanged.
    return { stream: counter, contentLength: size, lastModified: modified.toUTCString(), finalUrl: url };
}
function openGcs(url, options) {
    if (!options.readGcs)
        throw new errors/* UserError */.y(`source ${url} is in Cloud Storage, but no storage client was given.`);
    const counter = new ByteCounter(url, options, undefined);
    feed(options.readGcs(url), counter);
    return { stream: counter, finalUrl: url };
}
async function openHttp(start, options) {
    let url = start;
    for (let redirects = 0;; redirects++) {
        if (url.protocol !== 'https:' && !(url.protocol === 'http:' && options.allowHttp)) {
            const hint = url.protocol === 'http:' ? ' (plain http is allowed only explicitly, for local use)' : '';
            throw new errors/* UserError */.y(`refusing to fetch ${fetch_shown(url)}: only https:// sources are allowed${hint}.`);
        }
        const target = await resolveChecked(url.hostname, options);
        const response = await requestWithRetries(url, target, options);
        const status = response.statusCode ?? 0;
        if (REDIRECTS.has(status) && response.headers.location) {
            response.resume();
            if (redirects === MAX_REDIRECTS)
                throw new errors/* UserError */.y(`${fetch_shown(start)} redirects more than ${MAX_REDIRECTS} times.`);
            const next = new URL(response.headers.location, url);
            if (next.protocol !== 'https:' && next.protocol !== 'http:') {
                throw new errors/* UserError */.y(`refusing the redirect from ${fetch_shown(url)} to a ${next.protocol} URL.`);
            }
            url = next;
            continue;
        }
        if (status < 200 || status >= 300) {
            response.resume();
            throw new errors/* UserError */.y(`fetching ${fetch_shown(url)} failed: HTTP ${status} ${response.statusMessage ?? ''}`.trim() + '.');
        }
        return bodyOf(response, url, target, options);
    }
}
function bodyOf(response, url, target, options) {
    const header = response.headers['content-length'];
    const contentLength = header === undefined ? undefined : Number(header);
    if (contentLength !== undefined && contentLength > options.maxBytes) {
        response.destroy();
        throw tooLarge(fetch_shown(url), options.maxBytes, contentLength);
    }
    const counter = new ByteCounter(fetch_shown(url), options, contentLength);
    const validator = resumeValidator(response);
    feed(response, counter, validator && contentLength !== undefined ? { url, target, options, validator } : undefined);
    return {
        stream: counter,
        ...(contentLength === undefined ? {} : { contentLength }),
        ...(typeof response.headers.etag === 'string' ? { etag: response.headers.etag } : {}),
        ...(typeof response.headers['last-modified'] === 'string' ? { lastModified: response.headers['last-modified'] } : {}),
        finalUrl: fetch_shown(url),
    };
}
/** The wait before retry number `attempt` (0-based): retryDelayMs doubling per attempt, at most 10 s. */
function backoff(options, attempt) {
    return (0,external_node_timers_promises_.setTimeout)(Math.min((options.retryDelayMs ?? 500) * 2 ** attempt, 10_000));
}
async function requestWithRetries(url, target, options) {
    for (let attempt = 0;; attempt++) {
        const last = attempt >= options.retries;
        try {
            const response = await request(url, target, options);
            if ((response.statusCode ?? 0) < 500 || last)
                return response;
            response.resume();
        }
        catch (error) {
            const code = error.code ?? '';
            if (error instanceof errors/* UserError */.y || last || !RETRYABLE_CODES.has(code)) {
                if (error instanceof errors/* UserError */.y)
                    throw error;
                throw new errors/* UserError */.y(`fetching ${fetch_shown(url)} failed after ${attempt + 1} attempt(s): ${error.message}`);
            }
        }
        await backoff(options, attempt);
    }
}
/** One GET to the checked address. The custom lookup pins the connection to it: no second DNS resolution. */
function request(url, target, options, extraHeaders = {}) {
    const pinned = (_hostname, lookupOptions, callback) => {
        if (lookupOptions.all)
            callback(null, [{ address: target.address, family: target.family }]);
        else
            callback(null, target.address, target.family);
    };
    const client = url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
    return new Promise((resolve, reject) => {
        let response;
        const req = client.request({
            protocol: url.protocol,
            hostname: url.hostname.replace(/^\[|\]$/g, ''),
            port: url.port || undefined,
            path: `${url.pathname}${url.search}`,
            method: 'GET',
            headers: { 'accept-encoding': 'identity', 'user-agent': 'dc-pipeline-ingest', ...extraHeaders },
            lookup: pinned,
            agent: false, // a fresh connection: a pooled socket might have been opened for another address
            timeout: options.timeoutMs,
            ...(url.username ? { auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` } : {}),
        }, (res) => {
            response = res;
            resolve(res);
        });
        req.on('timeout', () => {
            const message = `fetching ${fetch_shown(url)} timed out: no data for ${options.timeoutMs} ms.`;
            if (!response) {
                req.destroy(new errors/* UserError */.y(message));
                return;
            }
            // A body that stalls is resumed like one that breaks off; the stream reports the timeout, not "aborted".
            const error = new StalledBody(message);
            response.destroy(error);
            req.destroy(error);
        });
        req.on('error', reject);
        req.end();
    });
}
/** A body that sent nothing for the timeout: resumable like a reset (a request with no answer at all is not). */
class StalledBody extends Error {
}
/** The If-Range value for a response whose server offers byte ranges, if it has one (a weak ETag does not count). */
function resumeValidator(response) {
    if (response.statusCode !== 200 || response.headers['accept-ranges'] !== 'bytes')
        return undefined;
    const etag = response.headers.etag;
    if (typeof etag === 'string' && !etag.startsWith('W/'))
        return etag;
    return response.headers['last-modified'];
}
/**
 * Pipes a source into its counter; a source error reaches the reader as a sentence with the byte count. With
 * `resume`, a body that breaks off is continued by up to `retries` Range requests from the first byte not yet
 * passed on, piped into the same counter: the reader, the hash and the Content-Length check see one stream.
 */
function feed(first, counter, resume) {
    let source = first;
    let delivered = 0;
    let resumesLeft = resume?.options.retries ?? 0;
    const onData = (chunk) => (delivered += chunk.length);
    const onError = (error) => {
        source.unpipe(counter);
        source.off('data', onData);
        if (!resume || resumesLeft === 0 || counter.destroyed || error instanceof errors/* UserError */.y) {
            counter.destroy(counter.brokeOff(error));
            return;
        }
        const attempt = resume.options.retries - resumesLeft;
        resumesLeft--;
        resumeAt(delivered, attempt, error, resume).then(attach, (failure) => counter.destroy(counter.brokeOff(failure)));
    };
    const attach = (next) => {
        if (counter.destroyed) {
            next.destroy();
            return;
        }
        source = next;
        source.on('error', onError);
        source.on('data', onData);
        source.pipe(counter);
    };
    counter.on('close', () => {
        if (!source.readableEnded)
            source.destroy(); // the reader stopped early: release the connection
    });
    attach(first);
}
/** The rest of the body from byte `offset`, after a backoff; refuses anything but that exact range of the same content. */
async function resumeAt(offset, attempt, cause, resume) {
    const { url, target, options, validator } = resume;
    await backoff(options, attempt);
    const response = await request(url, target, options, { range: `bytes=${offset}-`, 'if-range': validator });
    const start = /^bytes (\d+)-/.exec(String(response.headers['content-range'] ?? ''))?.[1];
    if (response.statusCode === 206 && Number(start) === offset)
        return response;
    response.resume();
    const why = response.statusCode === 200 ? 'the source changed since the download started' : `HTTP ${response.statusCode} to a range request`;
    throw new Error(`${cause.message}; resuming at byte ${offset} failed: ${why}`);
}
function tooLarge(url, maxBytes, size) {
    const actual = size === undefined ? 'more than that' : `${size} bytes`;
    return new errors/* UserError */.y(`source ${url} is larger than the ${maxBytes}-byte limit (${actual}).`);
}
/** Counts the body's bytes: enforces the size cap and, at the end, that exactly Content-Length bytes arrived. */
class ByteCounter extends external_node_stream_.Transform {
    url;
    options;
    expected;
    bytes = 0;
    constructor(url, options, expected) {
        super();
        this.url = url;
        this.options = options;
        this.expected = expected;
    }
    _transform(chunk, _encoding, callback) {
        this.bytes += chunk.length;
        if (this.bytes > this.options.maxBytes) {
            callback(tooLarge(this.url, this.options.maxBytes));
            return;
        }
        this.options.onProgress?.(this.bytes, this.expected);
        callback(null, chunk);
    }
    brokeOff(error) {
        if (error instanceof errors/* UserError */.y)
            return error;
        const of = this.expected === undefined ? '' : ` of ${this.expected}`;
        return new errors/* UserError */.y(`the download of ${this.url} broke off after ${this.bytes}${of} bytes: ${error.message}`);
    }
    _flush(callback) {
        if (this.expected !== undefined && this.bytes !== this.expected) {
            callback(new errors/* UserError */.y(`the download of ${this.url} is truncated: got ${this.bytes} of ${this.expected} bytes.`));
            return;
        }
        callback();
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/ingest/csv/decode.ts


/** Yields the first chunk(s) until at least n bytes are known (or the input ends), then the rest. */
async function peek(source, n) {
    const rest = source[Symbol.asyncIterator]();
    const parts = [];
    let size = 0;
    while (size < n) {
        const next = await rest.next();
        if (next.done)
            break;
        parts.push(next.value);
        size += next.value.length;
    }
    return { head: Buffer.concat(parts), rest };
}
async function* chain(head, rest) {
    if (head.length > 0)
        yield head;
    for (let next = await rest.next(); !next.done; next = await rest.next())
        yield next.value;
}
function gunzipStage(compression) {
    return async function* gunzipIfNeeded(source) {
        const { head, rest } = await peek(source, 2);
        const gzip = compression === 'gzip' || (compression === 'auto' && head[0] === 0x1f && head[1] === 0x8b);
        if (!gzip) {
            yield* chain(head, rest);
            return;
        }
        const gunzip = (0,external_node_zlib_.createGunzip)();
        const stop = new AbortController();
        // Feed concurrently with reading the output, or a large inflation ratio would deadlock on backpressure.
        const feeding = (async () => {
            for await (const chunk of chain(head, rest)) {
                if (stop.signal.aborted)
                    return;
                if (!gunzip.write(chunk))
                    await (0,external_node_events_.once)(gunzip, 'drain', { signal: stop.signal });
            }
            gunzip.end();
        })().catch((error) => {
            if (!stop.signal.aborted)
                gunzip.destroy(error);
        });
        try {
            for await (const chunk of gunzip)
                yield chunk;
            await feeding;
        }
        finally {
            // The consumer stopped early (or gunzip failed): stop feeding, which ends the input's iterator too.
            stop.abort();
            await feeding;
        }
    };
}
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
function utf8Stage(encoding) {
    if (encoding === 'utf-8') {
        return async function* stripBom(source) {
            const { head, rest } = await peek(source, 3);
            yield* chain(head.subarray(0, 3).equals(UTF8_BOM) ? head.subarray(3) : head, rest);
        };
    }
    // The WHATWG decoder treats the label latin1 as windows-1252 (a superset for printable text), and drops a
    // UTF-16 BOM by itself.
    return async function* transcode(source) {
        const decoder = new TextDecoder(encoding);
        for await (const chunk of source) {
            const text = decoder.decode(chunk, { stream: true });
            if (text.length > 0)
                yield Buffer.from(text, 'utf8');
        }
        const tail = decoder.decode();
        if (tail.length > 0)
            yield Buffer.from(tail, 'utf8');
    };
}
/**
 * Merges small chunks up to `minBytes` before the parser. Sockets deliver 16–64 KiB at a time and gunzip 16 KiB,
 * and the parser's fixed cost per chunk (carrying a partial line over, draining the writers) made 100 MB in 16 KiB
 * chunks take 1.8× as long as in 256 KiB ones. Large chunks pass through without a copy.
 */
async function* coalesce(source, minBytes) {
    let pending = [];
    let pendingBytes = 0;
    for await (const chunk of source) {
        if (pendingBytes === 0 && chunk.length >= minBytes) {
            yield chunk;
            continue;
        }
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= minBytes) {
            yield pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
            pending = [];
            pendingBytes = 0;
        }
    }
    if (pendingBytes > 0)
        yield pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
}

;// CONCATENATED MODULE: ./src/ingest/csv/header.ts

/**
 * Checks a file's header row against the schema: each column is matched by `sourceName ?? name`, ignoring case,
 * in schema order. The error names what is missing, what is extra and, when only the order differs, both orders.
 */
function checkHeader(header, dataset) {
    const expected = dataset.schema.map((column) => column.sourceName ?? column.name);
    const found = header.map((name) => name.toLowerCase());
    const wanted = expected.map((name) => name.toLowerCase());
    if (found.length === wanted.length && found.every((name, i) => name === wanted[i]))
        return;
    const missing = expected.filter((name) => !found.includes(name.toLowerCase()));
    const extra = header.filter((name) => !wanted.includes(name.toLowerCase()));
    const problems = [];
    if (missing.length > 0)
        problems.push(`missing ${list(missing)}`);
    if (extra.length > 0)
        problems.push(`unexpected ${list(extra)}`);
    if (problems.length === 0) {
        problems.push(`the columns are in a different order: expected ${list(expected)}; found ${list(header)}`);
    }
    throw new errors/* UserError */.y(`${dataset.name}: the header row does not match the schema: ${problems.join('; ')}.`);
}
function list(names) {
    return names.map((name) => JSON.stringify(name)).join(', ');
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./src/ingest/csv/record.ts
/**
 * One parsed CSV record as byte ranges into the scanner's buffer. The scanner reuses a single instance for every
 * record (no per-record allocation on the hot path), so a consumer must copy what it keeps before returning.
 */
class RecordView {
    quoteByte;
    buf = Buffer.alloc(0);
    /** Number of fields in this record. */
    count = 0;
    /** Content of field i is buf[starts[i], ends[i]); for a quoted field that excludes the quotes. */
    starts = new Int32Array(64);
    ends = new Int32Array(64);
    /** 1 when field i was quoted (its content may contain doubled quotes, delimiters and newlines). */
    quoted = new Uint8Array(64);
    /** Whether any field was quoted or holds a literal quote or a bare CR: such records need field-by-field output. */
    irregular = false;
    /** The record's raw bytes, without its line terminator (for the quarantine file). */
    start = 0;
    end = 0;
    /** Where the next record starts (after this one's line terminator). */
    next = 0;
    /** Physical line (1-based) where the record starts. */
    line = 0;
    /** Set when the quoting is broken (text after a closing quote, an unterminated quote at the end of the input). */
    malformed = undefined;
    constructor(quoteByte) {
        this.quoteByte = quoteByte;
    }
    /** Grows the field arrays; called by the scanner before writing field `count` when it would not fit. */
    grow() {
        const size = this.starts.length * 2;
        const starts = new Int32Array(size);
        const ends = new Int32Array(size);
        const quoted = new Uint8Array(size);
        starts.set(this.starts);
        ends.set(this.ends);
        quoted.set(this.quoted);
        this.starts = starts;
        this.ends = ends;
        this.quoted = quoted;
    }
    /** Field i as bytes with doubled quotes undone (a fresh Buffer only when there was something to undo). */
    bytes(i) {
        const s = this.starts[i] ?? 0;
        const e = this.ends[i] ?? 0;
        const slice = this.buf.subarray(s, e);
        if (this.quoted[i] !== 1 || slice.indexOf(this.quoteByte) === -1)
            return slice;
        const out = Buffer.allocUnsafe(e - s);
        let n = 0;
        for (let k = s; k < e; k++) {
            const b = this.buf[k];
            out[n++] = b;
            if (b === this.quoteByte)
                k++; // the second quote of a doubled pair
        }
        return out.subarray(0, n);
    }
    /** Field i decoded as UTF-8 text. */
    text(i) {
        return this.bytes(i).toString('utf8');
    }
    /** All fields as text (tests, header checks; not for the hot path). */
    texts() {
        const out = [];
        for (let i = 0; i < this.count; i++)
            out.push(this.text(i));
        return out;
    }
    /** The raw record text, as it appeared in the (decoded) input. */
    raw() {
        return this.buf.toString('utf8', this.start, this.end);
    }
}

;// CONCATENATED MODULE: ./src/ingest/csv/scanner.ts



const LF = 10;
const CR = 13;
const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;
class CsvScanner {
    options;
    onRecord;
    onPlainLine;
    record;
    /** Set on the current record when checkUtf8 is on and its bytes are not valid UTF-8. */
    invalidUtf8 = false;
    leftover;
    /** 'lf' covers LF and CRLF; 'cr' is for old Mac files; decided by the first line terminator seen. */
    mode = 'unknown';
    line = 1;
    quotedDirty = false;
    batchUtf8Ok = true;
    delimiter;
    quote;
    maxRecordBytes;
    constructor(options, onRecord, onPlainLine) {
        this.options = options;
        this.onRecord = onRecord;
        this.onPlainLine = onPlainLine;
        this.delimiter = options.delimiter;
        this.quote = options.quote;
        this.maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
        this.record = new RecordView(options.quote);
    }
    /** The physical line the next record starts on. */
    get currentLine() {
        return this.line;
    }
    push(chunk) {
        const leftover = this.leftover;
        if (leftover !== undefined && this.mode !== 'unknown') {
            // Finish the record cut by the previous chunk from a small joined buffer, then scan the rest of the chunk
            // in place: copying every chunk behind its leftover would copy the whole input once more.
            const nl = chunk.indexOf(this.mode === 'lf' ? LF : CR);
            if (nl !== -1) {
                const joined = Buffer.concat([leftover, chunk.subarray(0, nl + 1)]);
                this.leftover = undefined;
                const consumed = this.scan(joined, false);
                if (consumed === joined.length) {
                    this.keep(chunk, this.scan(chunk.subarray(nl + 1), false) + nl + 1);
                    return;
                }
                // The record goes on past that line end (a quoted newline): join what is left with the whole rest.
                this.continueWith(Buffer.concat([joined.subarray(consumed), chunk.subarray(nl + 1)]));
                return;
            }
        }
        this.continueWith(leftover === undefined ? chunk : Buffer.concat([leftover, chunk]));
    }
    continueWith(buf) {
        this.leftover = undefined;
        if (this.mode === 'unknown' && !this.detectMode(buf, false)) {
            this.keep(buf, 0);
            return;
        }
        this.keep(buf, this.scan(buf, false));
    }
    /** Flushes the last record (which may lack a line terminator). */
    end() {
        const buf = this.leftover;
        this.leftover = undefined;
        if (buf === undefined || buf.length === 0)
            return;
        if (this.mode === 'unknown')
            this.detectMode(buf, true);
        this.scan(buf, true);
    }
    keep(buf, pos) {
        if (pos >= buf.length)
            return;
        if (buf.length - pos > this.maxRecordBytes) {
            throw new errors/* UserError */.y(`line ${this.line}: a record is longer than ${this.maxRecordBytes} bytes; is a quoted field left open?`);
        }
        this.leftover = buf.subarray(pos);
    }
    detectMode(buf, final) {
        const lf = buf.indexOf(LF);
        const cr = buf.indexOf(CR);
        if (cr !== -1 && (lf === -1 || cr < lf)) {
            if (cr + 1 === buf.length && !final)
                return false;
            this.mode = buf[cr + 1] === LF ? 'lf' : 'cr';
            return true;
        }
        if (lf !== -1 || final) {
            this.mode = 'lf';
            return true;
        }
        return false;
    }
    /** Emits every complete record in buf; returns where the first incomplete one starts. */
    scan(buf, final) {
        const len = buf.length;
        const lfMode = this.mode === 'lf';
        const nlByte = lfMode ? LF : CR;
        const delim = this.delimiter;
        const r = this.record;
        r.buf = buf;
        if (this.options.checkUtf8) {
            const checkedEnd = final ? len : buf.lastIndexOf(nlByte) + 1;
            this.batchUtf8Ok = (0,external_node_buffer_.isUtf8)(buf.subarray(0, checkedEnd));
        }
        let nl = -1;
        let q = -1;
        let cr = lfMode ? -1 : len; // in CR mode the CR is the terminator, never a stray byte
        let pos = 0;
        while (pos < len) {
            if (nl < pos) {
                nl = buf.indexOf(nlByte, pos);
                if (nl === -1)
                    nl = len;
            }
            if (nl === len && !final)
                break;
            if (q < pos) {
                q = buf.indexOf(this.quote, pos);
                if (q === -1)
                    q = len;
            }
            let contentEnd = nl;
            if (lfMode && contentEnd > pos && buf[contentEnd - 1] === CR)
                contentEnd--;
            if (cr < pos) {
                cr = buf.indexOf(CR, pos);
                if (cr === -1)
                    cr = len;
            }
            if (q >= nl && cr >= contentEnd) {
                // Fast path: a record on one line, no quote, no stray CR.
                if (contentEnd === pos) {
                    this.line++;
                    pos = nl + 1;
                    continue;
                }
                this.invalidUtf8 = !this.batchUtf8Ok && !(0,external_node_buffer_.isUtf8)(buf.subarray(pos, contentEnd));
                if (!this.invalidUtf8 && this.onPlainLine?.(buf, pos, contentEnd, nl + 1)) {
                    this.line++;
                    pos = nl + 1;
                    continue;
                }
                if (this.quotedDirty) {
                    r.quoted.fill(0);
                    this.quotedDirty = false;
                }
                let count = 0;
                let fieldStart = pos;
                let starts = r.starts;
                let ends = r.ends;
                for (let i = pos; i < contentEnd; i++) {
                    if (buf[i] === delim) {
                        if (count + 1 >= starts.length) {
                            r.grow();
                            starts = r.starts;
                            ends = r.ends;
                        }
                        starts[count] = fieldStart;
                        ends[count] = i;
                        count++;
                        fieldStart = i + 1;
                    }
                }
                starts[count] = fieldStart;
                ends[count] = contentEnd;
                r.count = count + 1;
                r.irregular = false;
                r.malformed = undefined;
                r.start = pos;
                r.end = contentEnd;
                r.next = nl + 1;
                r.line = this.line;
                this.onRecord(r);
                this.line++;
                pos = nl + 1;
                continue;
            }
            const next = this.slowRecord(buf, pos, final, lfMode, nlByte);
            if (next < 0)
                break;
            pos = next;
        }
        return pos;
    }
    /**
     * The general state machine, for records with quotes or stray CRs (possibly spanning lines).
     * Returns the position after the record, or -1 when the buffer ends before the record does.
     */
    slowRecord(buf, p, final, lfMode, nlByte) {
        const len = buf.length;
        const delim = this.delimiter;
        const quote = this.quote;
        const r = this.record;
        let malformed;
        let newlines = 0;
        let count = 0;
        let i = p;
        let recordEnd = p;
        let next = len;
        this.quotedDirty = true;
        for (;;) {
            if (count >= r.starts.length)
                r.grow();
            if (i < len && buf[i] === quote) {
                const contentStart = i + 1;
                let j = contentStart;
                let close = -1;
                for (;;) {
                    const k = buf.indexOf(quote, j);
                    if (k === -1) {
                        if (!final)
                            return -1;
                        break;
                    }
                    if (k + 1 === len && !final)
                        return -1;
                    if (buf[k + 1] === quote) {
                        j = k + 2;
                        continue;
                    }
                    close = k;
                    break;
                }
                const contentEnd = close === -1 ? len : close;
                for (let k = buf.indexOf(nlByte, contentStart); k !== -1 && k < contentEnd; k = buf.indexOf(nlByte, k + 1)) {
                    newlines++;
                }
                r.starts[count] = contentStart;
                r.ends[count] = contentEnd;
                r.quoted[count] = 1;
                count++;
                if (close === -1) {
                    malformed ??= 'a quoted field is not closed before the end of the file';
                    recordEnd = len;
                    next = len;
                    break;
                }
                i = close + 1;
                // After the closing quote only a delimiter or a line end may follow; anything else breaks the record.
                let k = i;
                for (; k < len; k++) {
                    const b = buf[k];
                    if (b === delim || b === nlByte)
                        break;
                    if (lfMode && b === CR) {
                        if (k + 1 === len && !final)
                            return -1;
                        if (k + 1 === len || buf[k + 1] === LF)
                            break;
                    }
                }
                if (k === len && !final)
                    return -1;
                if (k > i)
                    malformed ??= `unexpected text after a closing quote in field ${count}`;
                i = k;
            }
            else {
                const fieldStart = i;
                for (; i < len; i++) {
                    const b = buf[i];
                    if (b === delim || b === nlByte)
                        break;
                }
                if (i === len && !final)
                    return -1;
                let fieldEnd = i;
                if (lfMode && fieldEnd > fieldStart && buf[fieldEnd - 1] === CR)
                    fieldEnd--;
                r.starts[count] = fieldStart;
                r.ends[count] = fieldEnd;
                r.quoted[count] = 0;
                count++;
                if (i === len || buf[i] === nlByte) {
                    recordEnd = fieldEnd;
                    next = i === len ? len : i + 1;
                    break;
                }
            }
            // i is at a delimiter, a line terminator (LF, CRLF or CR) or the end of the input.
            if (i < len && buf[i] === delim) {
                i++;
                continue;
            }
            recordEnd = i;
            if (i === len)
                next = len;
            else if (lfMode && buf[i] === CR)
                next = i + 2 <= len && buf[i + 1] === LF ? i + 2 : i + 1;
            else
                next = i + 1;
            break;
        }
        r.count = count;
        r.irregular = true;
        r.malformed = malformed;
        r.start = p;
        r.end = recordEnd;
        r.next = next;
        r.line = this.line;
        this.invalidUtf8 = !this.batchUtf8Ok && !(0,external_node_buffer_.isUtf8)(buf.subarray(p, recordEnd));
        this.line += 1 + newlines;
        if (!(count === 1 && r.quoted[0] === 0 && recordEnd === p))
            this.onRecord(r);
        return next;
    }
}

;// CONCATENATED MODULE: ./src/ingest/csv/writer.ts

const COMMA = 44;
const QUOTE = 34;
const writer_LF = 10;
const writer_CR = 13;
const BATCH_BYTES = 1024 * 1024;
const SMALL_COPY = 48;
const MIN_BATCH_BYTES = 64 * 1024;
const ZERO_COPY_BYTES = 512;
/**
 * Writes canonical CSV (comma, '"', LF, minimal quoting) into large batches, because one `write()` per row costs
 * more than parsing the row. The producer is synchronous (the scanner calls back per record); `drain()` hands
 * the full batches to the sink and waits for backpressure between input chunks, so memory stays bounded by
 * roughly one input chunk of output.
 */
class CsvBatchWriter {
    sink;
    batch = Buffer.allocUnsafe(BATCH_BYTES);
    used = 0;
    full = [];
    /** A run of consecutive input bytes that is already canonical: copied (or passed on) in one go. */
    runBuf;
    runStart = 0;
    runEnd = 0;
    /** A sink error seen while we were not waiting on the sink (kept, or it would be an uncaught 'error'). */
    failure;
    constructor(sink) {
        this.sink = sink;
        sink.on('error', (error) => {
            this.failure ??= error;
        });
    }
    /**
     * Bytes already in canonical form, typically a whole record with its LF. Consecutive ranges of the same
     * buffer are merged, so a clean file costs a few large copies instead of one per row.
     */
    verbatim(src, start, end) {
        if (src === this.runBuf && start === this.runEnd) {
            this.runEnd = end;
            return;
        }
        if (this.runBuf !== undefined)
            this.flushRun();
        this.runBuf = src;
        this.runStart = start;
        this.runEnd = end;
    }
    /** Copies bytes verbatim. */
    raw(src, start, end) {
        if (this.runBuf !== undefined)
            this.flushRun();
        const n = end - start;
        if (this.used + n > this.batch.length)
            this.rotate(n);
        if (n <= SMALL_COPY) {
            // Buffer#copy costs more in argument checks than a short loop costs in total.
            const batch = this.batch;
            let used = this.used;
            for (let i = start; i < end; i++)
                batch[used++] = src[i];
            this.used = used;
            return;
        }
        src.copy(this.batch, this.used, start, end);
        this.used += n;
    }
    byte(b) {
        if (this.runBuf !== undefined)
            this.flushRun();
        if (this.used === this.batch.length)
            this.rotate(1);
        this.batch[this.used++] = b;
    }
    /**
     * A field straight from the input range, without unescaping it first. Works when the content is already in
     * canonical form: a field quoted with '"' keeps its doubled quotes whether or not it is re-quoted. Returns false
     * when the caller must unescape and use field() (another quote character, or a bare quote in an unquoted field).
     */
    fieldRange(src, start, end, quoted, quoteIsDoubleQuote) {
        let special = false;
        let hasQuote = false;
        for (let i = start; i < end; i++) {
            const b = src[i];
            if (b === COMMA || b === writer_LF || b === writer_CR)
                special = true;
            else if (b === QUOTE)
                hasQuote = true;
        }
        if (hasQuote && !(quoted && quoteIsDoubleQuote))
            return false;
        if (!special && !hasQuote) {
            this.raw(src, start, end);
            return true;
        }
        this.byte(QUOTE);
        this.raw(src, start, end);
        this.byte(QUOTE);
        return true;
    }
    /**
     * An empty string as opposed to NULL: `""`. Loaders (BigQuery, DuckDB read_csv) read an empty unquoted field as
     * NULL, so field() and fieldRange() of nothing write NULL.
     */
    emptyString() {
        this.byte(QUOTE);
        this.byte(QUOTE);
    }
    /** One field's value, quoted only when it holds a comma, a quote or a line break (nothing at all is NULL). */
    field(value) {
        if (this.runBuf !== undefined)
            this.flushRun();
        if (!needsQuotes(value)) {
            this.raw(value, 0, value.length);
            return;
        }
        this.byte(QUOTE);
        let from = 0;
        for (let q = value.indexOf(QUOTE); q !== -1; q = value.indexOf(QUOTE, q + 1)) {
            this.raw(value, from, q + 1);
            this.byte(QUOTE);
            from = q + 1;
        }
        this.raw(value, from, value.length);
        this.byte(QUOTE);
    }
    /** Hands every filled batch to the sink, waiting whenever the sink asks for it. */
    async drain() {
        if (this.runBuf !== undefined)
            this.flushRun();
        while (this.full.length > 0) {
            if (this.failure)
                throw this.failure;
            // Corked, the sink receives the queued pieces as one writev where it supports it (files, sockets).
            this.sink.cork();
            let ok = true;
            let written = 0;
            for (; written < this.full.length && ok; written++)
                ok = this.sink.write(this.full[written]);
            this.full.splice(0, written);
            this.sink.uncork();
            if (!ok)
                await (0,external_node_events_.once)(this.sink, 'drain');
        }
        if (this.failure)
            throw this.failure;
    }
    /** Writes what is left and ends the sink, waiting until it has finished. */
    async finish() {
        if (this.runBuf !== undefined)
            this.flushRun();
        if (this.used > 0)
            this.rotate(0);
        await this.drain();
        if (this.sink.writableFinished)
            return;
        const finished = (0,external_node_events_.once)(this.sink, 'finish');
        this.sink.end();
        await finished;
    }
    flushRun() {
        const src = this.runBuf;
        this.runBuf = undefined;
        const n = this.runEnd - this.runStart;
        if (n < ZERO_COPY_BYTES) {
            this.raw(src, this.runStart, this.runEnd);
            return;
        }
        // Runs go to the sink as views of the input chunk (never written to), so clean rows are not copied at all:
        // fresh output memory would cost page faults and garbage collection on every megabyte.
        if (this.used > 0)
            this.rotate(0);
        this.full.push(src.subarray(this.runStart, this.runEnd));
    }
    /** Hands the filled part to the sink queue and continues in the rest of the block (or a fresh one). */
    rotate(needed) {
        if (this.used > 0)
            this.full.push(this.batch.subarray(0, this.used));
        const left = this.batch.length - this.used;
        this.batch =
            left >= Math.max(needed, MIN_BATCH_BYTES)
                ? this.batch.subarray(this.used)
                : Buffer.allocUnsafe(Math.max(BATCH_BYTES, needed));
        this.used = 0;
    }
}
function needsQuotes(value) {
    for (let i = 0; i < value.length; i++) {
        const b = value[i];
        if (b === COMMA || b === QUOTE || b === writer_LF || b === writer_CR)
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/ingest/values.ts
const ZERO = 48;
const NINE = 57;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const COLON = 58;
const INT64_MAX = '9223372036854775807';
const INT64_MIN_ABS = '9223372036854775808';
function isDigitAt(buf, i, limit) {
    if (i >= limit)
        return false;
    const b = buf[i];
    return b >= ZERO && b <= NINE;
}
/** Runs of digits from i; returns the index after them. */
function skipDigits(buf, i, limit) {
    while (i < limit) {
        const b = buf[i];
        if (b < ZERO || b > NINE)
            break;
        i++;
    }
    return i;
}
/** Optional sign, digits (leading zeros allowed), within the signed 64-bit range. */
const scanInteger = (buf, start, limit) => {
    let i = start;
    const negative = i < limit && buf[i] === MINUS;
    if (negative || (i < limit && buf[i] === PLUS))
        i++;
    const digitsStart = i;
    const end = skipDigits(buf, i, limit);
    if (end === digitsStart)
        return -1;
    if (end - digitsStart < 19)
        return end;
    while (i < end - 1 && buf[i] === ZERO)
        i++; // leading zeros do not count towards the range
    const digits = end - i;
    if (digits < 19)
        return end;
    if (digits > 19)
        return -1;
    return buf.toString('latin1', i, end) <= (negative ? INT64_MIN_ABS : INT64_MAX) ? end : -1;
};
/** Decimal or scientific notation (NaN and Infinity are recognised by isFloat only). */
const scanFloat = (buf, start, limit) => {
    let i = start;
    if (i < limit && (buf[i] === MINUS || buf[i] === PLUS))
        i++;
    const intEnd = skipDigits(buf, i, limit);
    let digits = intEnd - i;
    i = intEnd;
    if (i < limit && buf[i] === DOT) {
        const fracEnd = skipDigits(buf, i + 1, limit);
        digits += fracEnd - i - 1;
        i = fracEnd;
    }
    if (digits === 0)
        return -1;
    if (i < limit && (buf[i] === 101 || buf[i] === 69)) {
        let k = i + 1;
        if (k < limit && (buf[k] === MINUS || buf[k] === PLUS))
            k++;
        const expEnd = skipDigits(buf, k, limit);
        if (expEnd === k)
            return -1;
        i = expEnd;
    }
    return i;
};
const SPECIAL_FLOATS = new Set(['nan', 'inf', 'infinity', '+inf', '-inf', '+infinity', '-infinity']);
/** Decimal or scientific notation, or NaN / Infinity (any case, optional sign). */
const isFloat = (buf, start, end) => scanFloat(buf, start, end) === end ||
    (end - start <= 9 && SPECIAL_FLOATS.has(buf.toString('latin1', start, end).toLowerCase()));
/** BigQuery NUMERIC: precision 38, scale 9 — at most 29 integer digits and 9 fraction digits, no exponent. */
const scanNumeric = (buf, start, limit) => {
    let i = start;
    if (i < limit && (buf[i] === MINUS || buf[i] === PLUS))
        i++;
    while (i < limit - 1 && buf[i] === ZERO && isDigitAt(buf, i + 1, limit))
        i++;
    const intEnd = skipDigits(buf, i, limit);
    const intDigits = intEnd - i;
    i = intEnd;
    let fracDigits = 0;
    if (i < limit && buf[i] === DOT) {
        const fracEnd = skipDigits(buf, i + 1, limit);
        fracDigits = fracEnd - i - 1;
        i = fracEnd;
    }
    return intDigits + fracDigits > 0 && intDigits <= 29 && fracDigits <= 9 ? i : -1;
};
/** Whether buf[start, end) spells `word` (lower-case ASCII letters), ignoring case. */
function isWord(buf, start, end, word) {
    if (end - start !== word.length)
        return false;
    for (let k = 0; k < word.length; k++) {
        if ((buf[start + k] | 0x20) !== word.charCodeAt(k))
            return false;
    }
    return true;
}
/** Whether the byte at i is the lower-case ASCII letter c, in either case. */
function letterAt(buf, i, c) {
    return (buf[i] | 0x20) === c;
}
/** true/false, 1/0, yes/no in any case. */
const scanBoolean = (buf, start, limit) => {
    const n = limit - start;
    if (n <= 0)
        return -1;
    const b0 = buf[start] | 0x20; // ASCII letters to lower case; '0' and '1' are unchanged by it
    if (b0 === 49 || b0 === ZERO)
        return start + 1;
    if (b0 === 116) {
        // true
        return n >= 4 && letterAt(buf, start + 1, 114) && letterAt(buf, start + 2, 117) && letterAt(buf, start + 3, 101)
            ? start + 4
            : -1;
    }
    if (b0 === 102) {
        // false
        return n >= 5 &&
            letterAt(buf, start + 1, 97) &&
            letterAt(buf, start + 2, 108) &&
            letterAt(buf, start + 3, 115) &&
            letterAt(buf, start + 4, 101)
            ? start + 5
            : -1;
    }
    if (b0 === 121)
        return n >= 3 && letterAt(buf, start + 1, 101) && letterAt(buf, start + 2, 115) ? start + 3 : -1; // yes
    if (b0 === 110)
        return n >= 2 && letterAt(buf, start + 1, 111) ? start + 2 : -1; // no
    return -1;
};
/** The digit at i as a number, or a large negative number when it is not a digit (so sums stay negative). */
function digitAt(buf, i) {
    const d = buf[i] - ZERO;
    return d >= 0 && d <= 9 ? d : -100_000; // outweighs any sum of the other digits
}
/** Two or four digits from i as a number (negative when one is not a digit); the caller checks the bounds. */
function twoDigits(buf, i) {
    return digitAt(buf, i) * 10 + digitAt(buf, i + 1);
}
function fourDigits(buf, i) {
    return twoDigits(buf, i) * 100 + twoDigits(buf, i + 2);
}
/** n (2 or 4) digits from i as a number, or -1. */
function readDigits(buf, i, n, limit) {
    if (i + n > limit)
        return -1;
    const value = n === 2 ? twoDigits(buf, i) : fourDigits(buf, i);
    return value < 0 ? -1 : value;
}
function daysInMonth(year, month) {
    if (month === 2)
        return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
    return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
/** YYYY-MM-DD, a real calendar day in 0001..9999. */
const scanDate = (buf, i, limit) => {
    if (i + 10 > limit)
        return -1;
    const year = readDigits(buf, i, 4, limit);
    if (year < 1 || buf[i + 4] !== MINUS)
        return -1;
    const month = readDigits(buf, i + 5, 2, limit);
    if (month < 1 || month > 12 || buf[i + 7] !== MINUS)
        return -1;
    const day = readDigits(buf, i + 8, 2, limit);
    if (day < 1 || day > daysInMonth(year, month))
        return -1;
    return i + 10;
};
/**
 * [T ]HH:MM[:SS[.ffffff]] starting at i (seconds required when `needSeconds`). Only an upper-case T: DuckDB
 * refuses a lower-case one, and a value must load the same into both warehouses.
 */
function scanTime(buf, i, limit, needSeconds) {
    if (i >= limit)
        return -1;
    const sep = buf[i];
    if (sep !== 84 && sep !== 32)
        return -1; // 'T', ' '
    const hour = readDigits(buf, i + 1, 2, limit);
    if (hour < 0 || hour > 23 || i + 3 >= limit || buf[i + 3] !== COLON)
        return -1;
    const minute = readDigits(buf, i + 4, 2, limit);
    if (minute < 0 || minute > 59)
        return -1;
    i += 6;
    if (i >= limit || buf[i] !== COLON)
        return needSeconds ? -1 : i;
    const second = readDigits(buf, i + 1, 2, limit);
    if (second < 0 || second > 59)
        return -1;
    i += 3;
    if (i >= limit || buf[i] !== DOT)
        return i;
    const fracEnd = skipDigits(buf, i + 1, limit);
    const fracDigits = fracEnd - i - 1;
    return fracDigits >= 1 && fracDigits <= 6 ? fracEnd : -1;
}
/**
 * Z, ±HH, ±HH:MM right after the time, or " UTC": the spellings BigQuery and DuckDB both read (DuckDB refuses
 * a space before an offset, a lower-case z and ±HHMM-style offsets without seconds).
 */
function scanZone(buf, i, limit) {
    if (i >= limit)
        return -1;
    const b = buf[i];
    if (b === 90)
        return i + 1; // Z
    if (b === 32 && i + 4 <= limit && isWord(buf, i + 1, i + 4, 'utc'))
        return i + 4;
    if (b !== PLUS && b !== MINUS)
        return -1;
    const hours = readDigits(buf, i + 1, 2, limit);
    if (hours < 0 || hours > 14)
        return -1;
    i += 3;
    if (i >= limit || buf[i] !== COLON)
        return i;
    const minutes = readDigits(buf, i + 1, 2, limit);
    return minutes >= 0 && minutes <= 59 ? i + 3 : -1;
}
/** A date, optionally followed by a time of day (no zone: a civil date and time). */
const scanDatetime = (buf, start, limit) => {
    const dateEnd = scanDate(buf, start, limit);
    if (dateEnd < 0 || dateEnd === limit)
        return dateEnd;
    const sep = buf[dateEnd];
    // A date alone is a valid DATETIME (midnight); a separator followed by a digit must start a valid time.
    if ((sep === 84 || sep === 32) && isDigitAt(buf, dateEnd + 1, limit)) {
        return scanTime(buf, dateEnd, limit, false);
    }
    return dateEnd;
};
/** A date and time with an explicit zone, so the instant does not depend on a session time zone. */
const scanTimestamp = (buf, start, limit) => {
    const dateEnd = scanDate(buf, start, limit);
    if (dateEnd < 0)
        return -1;
    const timeEnd = scanTime(buf, dateEnd, limit, true);
    if (timeEnd < 0)
        return -1;
    return scanZone(buf, timeEnd, limit);
};
const isInteger = (buf, start, end) => scanInteger(buf, start, end) === end;
const isNumeric = (buf, start, end) => scanNumeric(buf, start, end) === end;
const isBoolean = (buf, start, end) => scanBoolean(buf, start, end) === end;
const isDate = (buf, start, end) => scanDate(buf, start, end) === end;
const isDatetime = (buf, start, end) => scanDatetime(buf, start, end) === end;
const isTimestamp = (buf, start, end) => scanTimestamp(buf, start, end) === end;
/** The check for a column type; undefined for STRING (any text is a string). */
function valueCheckFor(type) {
    switch (type) {
        case 'STRING':
            return undefined;
        case 'INTEGER':
            return isInteger;
        case 'FLOAT':
            return isFloat;
        case 'NUMERIC':
            return isNumeric;
        case 'BOOLEAN':
            return isBoolean;
        case 'DATE':
            return isDate;
        case 'DATETIME':
            return isDatetime;
        case 'TIMESTAMP':
            return isTimestamp;
    }
}
/** What a value of the type should look like, for bad-row reasons. */
const TYPE_EXPECTATIONS = {
    STRING: 'text',
    INTEGER: 'a whole number within the 64-bit range',
    FLOAT: 'a number (e.g. 1.5, -2e10, NaN)',
    NUMERIC: 'a decimal with at most 29 integer and 9 fraction digits',
    BOOLEAN: 'true/false, 1/0 or yes/no',
    DATE: 'a date YYYY-MM-DD',
    DATETIME: 'a date and time YYYY-MM-DD[ T]HH:MM[:SS[.ffffff]]',
    TIMESTAMP: 'a date and time with seconds and a zone (Z, ±HH[:MM] or " UTC"), e.g. 2024-05-01T12:00:00Z',
};

;// CONCATENATED MODULE: ./src/ingest/validate.ts







const FIRST_PROBLEMS = 10;
const PARSE_CHUNK_BYTES = 256 * 1024;
const REASONS_IN_ERROR = 5;
const validate_LF = 10;
const validate_COMMA = 44;
/**
 * Streams a CSV source through gunzip, decoding, parsing and type checks, writing good rows in canonical form to
 * `clean` and bad rows to `quarantine`. Both sinks are ended when validation succeeds (and must be consumed
 * concurrently: their backpressure is respected). Throws a UserError when the header does not match the schema,
 * or as soon as there are more bad rows than `dataset.maxBadRows` (nothing should be staged then).
 */
async function validateCsv(input, dataset, sinks, options = {}) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    const rows = new RowValidator(dataset, new CsvBatchWriter(sinks.clean), new CsvBatchWriter(sinks.quarantine));
    const scanner = new CsvScanner({
        delimiter: dataset.csv.delimiter.charCodeAt(0),
        quote: dataset.csv.quote.charCodeAt(0),
        checkUtf8: dataset.csv.encoding === 'utf-8',
    }, (record) => rows.check(record, scanner.invalidUtf8), (buf, start, end, next) => rows.checkPlainLine(buf, start, end, next));
    // Async generators chained by hand: errors and early exits (a thrown UserError) travel through every stage,
    // and returning from the loop ends the input stream's iterator, which destroys it.
    async function* hashRawBytes(source) {
        for await (const chunk of source) {
            hash.update(chunk);
            bytes += chunk.length;
            options.onProgress?.(bytes);
            yield chunk;
        }
    }
    const decoded = utf8Stage(dataset.csv.encoding)(gunzipStage(dataset.source.compression)(hashRawBytes(input)));
    for await (const chunk of coalesce(decoded, PARSE_CHUNK_BYTES)) {
        scanner.push(chunk);
        await rows.drain();
    }
    scanner.end();
    rows.finishInput();
    await rows.finish();
    return {
        rows: rows.good,
        badRows: rows.bad,
        bytes,
        sha256: hash.digest('hex'),
        firstProblems: rows.problems,
        header: rows.header,
    };
}
const TYPE_CODES = ['STRING', 'INTEGER', 'FLOAT', 'NUMERIC', 'BOOLEAN', 'DATE', 'DATETIME', 'TIMESTAMP'];
const STRING = 0;
/** A switch of direct calls, not an array of checks: one call site per type lets V8 inline each of them. */
function checkValue(type, buf, start, end) {
    switch (type) {
        case 1:
            return isInteger(buf, start, end);
        case 2:
            return isFloat(buf, start, end);
        case 3:
            return isNumeric(buf, start, end);
        case 4:
            return isBoolean(buf, start, end);
        case 5:
            return isDate(buf, start, end);
        case 6:
            return isDatetime(buf, start, end);
        case 7:
            return isTimestamp(buf, start, end);
        default:
            return true;
    }
}
/** Where a value of the type starting at `start` stops (see ValueScan); STRING runs to the next delimiter. */
function scanValue(type, buf, start, limit, delimiter) {
    switch (type) {
        case 1:
            return scanInteger(buf, start, limit);
        case 2:
            return scanFloat(buf, start, limit);
        case 3:
            return scanNumeric(buf, start, limit);
        case 4:
            return scanBoolean(buf, start, limit);
        case 5:
            return scanDate(buf, start, limit);
        case 6:
            return scanDatetime(buf, start, limit);
        case 7:
            return scanTimestamp(buf, start, limit);
        default: {
            let i = start;
            while (i < limit && buf[i] !== delimiter)
                i++;
            return i;
        }
    }
}
/** Per-record decisions: header check, field count, types, REQUIRED; routes the record to clean or quarantine. */
class RowValidator {
    dataset;
    clean;
    quarantine;
    good = 0;
    bad = 0;
    problems = [];
    header = [];
    headerPending;
    width;
    types;
    required;
    commaDelimited;
    doubleQuote;
    constructor(dataset, clean, quarantine) {
        this.dataset = dataset;
        this.clean = clean;
        this.quarantine = quarantine;
        this.headerPending = dataset.csv.header;
        this.width = dataset.schema.length;
        this.types = Uint8Array.from(dataset.schema.map((column) => TYPE_CODES.indexOf(column.type)));
        this.required = dataset.schema.map((column) => column.mode === 'REQUIRED');
        this.commaDelimited = dataset.csv.delimiter === ',';
        this.doubleQuote = dataset.csv.quote === '"';
        const headerRow = Buffer.from(`${dataset.schema.map((column) => column.name).join(',')}\n`);
        clean.raw(headerRow, 0, headerRow.length);
    }
    check(record, invalidUtf8) {
        if (this.headerPending) {
            this.headerPending = false;
            this.header = record.texts().map((name) => name.trim());
            checkHeader(this.header, this.dataset);
            return;
        }
        const reason = invalidUtf8 ? 'the row is not valid UTF-8' : this.problemOf(record);
        if (reason === undefined)
            this.writeClean(record);
        else
            this.reject(record, reason);
    }
    /**
     * The fused fast path for a plain line: walks the columns, letting each type's scanner find where its value
     * stops, and expects a delimiter there (the line's end after the last column). Any surprise — a bad value,
     * a wrong field count, NaN — returns false and the line takes the general path, which names the problem.
     */
    checkPlainLine(buf, start, end, next) {
        if (this.headerPending || !this.commaDelimited)
            return false;
        const last = this.width - 1;
        let p = start;
        for (let c = 0; c <= last; c++) {
            let stop;
            if (p === end || buf[p] === validate_COMMA) {
                if (this.required[c])
                    return false;
                stop = p;
            }
            else {
                stop = scanValue(this.types[c], buf, p, end, validate_COMMA);
                if (stop < 0)
                    return false;
            }
            if (c === last) {
                if (stop !== end)
                    return false;
            }
            else {
                if (stop >= end || buf[stop] !== validate_COMMA)
                    return false;
                p = stop + 1;
            }
        }
        this.good++;
        if (next === end + 1 && buf[end] === validate_LF) {
            this.clean.verbatim(buf, start, next);
        }
        else {
            this.clean.raw(buf, start, end);
            this.clean.byte(validate_LF);
        }
        return true;
    }
    /** Called at the end of the input: an empty file has no header to check. */
    finishInput() {
        if (this.headerPending) {
            throw new errors/* UserError */.y(`${this.dataset.name}: the source is empty; expected a header row.`);
        }
    }
    async drain() {
        await this.clean.drain();
        await this.quarantine.drain();
    }
    async finish() {
        await this.clean.finish();
        await this.quarantine.finish();
    }
    problemOf(r) {
        if (r.malformed !== undefined)
            return r.malformed;
        if (r.count !== this.width)
            return `expected ${this.width} fields, found ${r.count}`;
        const buf = r.buf;
        for (let c = 0; c < this.width; c++) {
            const start = r.starts[c];
            const end = r.ends[c];
            const type = this.types[c];
            if (start === end) {
                // A quoted "" in a STRING column is the empty string, not NULL (BigQuery loads it as ''), so it fills a
                // REQUIRED column; any other empty field is NULL.
                if (this.required[c] && !(type === STRING && r.quoted[c] === 1)) {
                    return `${this.dataset.schema[c]?.name} is REQUIRED but empty`;
                }
                continue;
            }
            if (type === STRING)
                continue;
            if (r.irregular && r.quoted[c] === 1) {
                const value = r.bytes(c);
                if (checkValue(type, value, 0, value.length))
                    continue;
            }
            else if (checkValue(type, buf, start, end)) {
                continue;
            }
            const column = this.dataset.schema[c];
            const shown = JSON.stringify(r.text(c).slice(0, 80));
            return column === undefined ? 'bad value' : `${column.name}: ${shown} is not ${TYPE_EXPECTATIONS[column.type]}`;
        }
        return undefined;
    }
    writeClean(r) {
        this.good++;
        const clean = this.clean;
        if (!r.irregular && this.commaDelimited) {
            if (r.next === r.end + 1 && r.buf[r.end] === validate_LF) {
                clean.verbatim(r.buf, r.start, r.next);
                return;
            }
            clean.raw(r.buf, r.start, r.end);
        }
        else {
            for (let c = 0; c < r.count; c++) {
                if (c > 0)
                    clean.byte(validate_COMMA);
                const start = r.starts[c];
                const end = r.ends[c];
                if (start === end) {
                    // The clean copy must keep NULL and '' apart, as loaders read them: an empty unquoted field is NULL, and
                    // "" is the empty string only in a STRING column (in any other type it is NULL, and "" would not load).
                    if (r.quoted[c] === 1 && this.types[c] === STRING)
                        clean.emptyString();
                    continue;
                }
                if (!clean.fieldRange(r.buf, start, end, r.quoted[c] === 1, this.doubleQuote))
                    clean.field(r.bytes(c));
            }
        }
        clean.byte(validate_LF);
    }
    reject(r, reason) {
        this.bad++;
        if (this.problems.length < FIRST_PROBLEMS)
            this.problems.push({ line: r.line, reason });
        const entry = Buffer.from(`${JSON.stringify({ line: r.line, reason, raw: r.raw() })}\n`);
        this.quarantine.raw(entry, 0, entry.length);
        if (this.bad > this.dataset.maxBadRows) {
            const shown = this.problems
                .slice(0, REASONS_IN_ERROR)
                .map((p) => `line ${p.line}: ${p.reason}`)
                .join('; ');
            throw new errors/* UserError */.y(`${this.dataset.name}: more than max-bad-rows (${this.dataset.maxBadRows}) bad rows, stopped at line ` +
                `${r.line}. First problems: ${shown}.`);
        }
    }
}

// EXTERNAL MODULE: ./src/storage/object-store.ts
var object_store = __webpack_require__(9182);
;// CONCATENATED MODULE: ./src/ingest/stage.ts
/**
 * Stage validated content, write-once and by content address:
 *
 *   raw/<dataset>/<yyyy>/<mm>/<dd>/<sha256>.csv                 the clean CSV (UTF-8, header row)
 *   raw/<dataset>/<yyyy>/<mm>/<dd>/<sha256>.quarantine.jsonl    bad rows, when there were any
 *   raw/<dataset>/<yyyy>/<mm>/<dd>/<sha256>.manifest.json       source, counts, schema
 *   raw/<dataset>/by-sha256/<sha256>.json                       the index: where that content lives
 *
 * The clean CSV arrives already uploaded, under a temporary name outside raw/ (incomingName(): it was sent
 * while it was being validated, when its sha256 was not known yet). Staging copies it into place inside the
 * bucket (objects.rewrite: no bytes travel again) and deletes the temporary object, whatever happens; the
 * bucket's lifecycle rule for tmp/ removes any a crashed run leaves behind.
 *
 * The date is the day the content was FIRST seen, so the same content must be found before a path is chosen:
 * that is what the index is for (one read instead of listing every day). The index is written LAST and
 * write-once, which makes it the commit point: whoever sees it can trust everything it names exists, and two
 * concurrent stagers of the same content agree on one winner (the loser gets 412, adopts the winner's paths,
 * and removes anything it created under a different day's path).
 */



const INDEX_VERSION = 1;
/**
 * Where the clean CSV is uploaded while it is validated: under tmp/, which no load path reads and which the
 * bucket's lifecycle rule empties, and with a random name, so concurrent ingests never share one.
 */
function incomingName(dataset) {
    return `tmp/ingest/${dataset}/${(0,external_node_crypto_.randomUUID)()}.csv`;
}
/** The content type and metadata of the clean CSV, set on the upload and kept by the copy into place. */
function cleanObjectOptions(dataset) {
    return { contentType: 'text/csv; charset=utf-8', metadata: { dataset } };
}
function indexName(dataset, sha256) {
    return `raw/${dataset}/by-sha256/${sha256}.json`;
}
function stagedPaths(dataset, sha256, day) {
    const yyyy = String(day.getUTCFullYear());
    const mm = String(day.getUTCMonth() + 1).padStart(2, '0');
    const dd = String(day.getUTCDate()).padStart(2, '0');
    const base = `raw/${dataset}/${yyyy}/${mm}/${dd}/${sha256}`;
    return {
        object: `${base}.csv`,
        quarantine: `${base}.quarantine.jsonl`,
        manifest: `${base}.manifest.json`,
        firstSeen: `${yyyy}-${mm}-${dd}`,
    };
}
/** The BigQuery JSON schema form of the catalog schema (what `bq load --schema` and the manifest carry). */
function bigQuerySchema(dataset) {
    return dataset.schema.map((c) => ({
        name: c.name,
        type: c.type,
        mode: c.mode,
        ...(c.description ? { description: c.description } : {}),
    }));
}
function fromIndex(store, bucket, entry, created) {
    return {
        bucket,
        objectName: entry.object,
        manifestName: entry.manifest,
        ...(entry.quarantine ? { quarantineName: entry.quarantine, quarantineUri: store.uri(bucket, entry.quarantine) } : {}),
        objectUri: store.uri(bucket, entry.object),
        manifestUri: store.uri(bucket, entry.manifest),
        firstSeen: entry.first_seen,
        created,
    };
}
async function readIndex(store, bucket, name) {
    let bytes;
    try {
        bytes = await store.read(bucket, name);
    }
    catch (error) {
        if (error instanceof object_store/* NotFoundError */.m_)
            return undefined;
        throw error;
    }
    let entry;
    try {
        entry = JSON.parse(bytes.toString('utf8'));
    }
    catch (error) {
        throw new Error(`The staging index ${store.uri(bucket, name)} is not valid JSON: ${error.message}`);
    }
    if (typeof entry.object !== 'string' || typeof entry.manifest !== 'string') {
        throw new Error(`The staging index ${store.uri(bucket, name)} does not name an object and a manifest.`);
    }
    return entry;
}
/** Where this content was staged before, or undefined. Checks the object is still there. */
async function findStaged(store, bucket, dataset, sha256) {
    const name = indexName(dataset, sha256);
    const entry = await readIndex(store, bucket, name);
    if (!entry)
        return undefined;
    if (!(await store.stat(bucket, entry.object))) {
        throw new Error(`The staging index ${store.uri(bucket, name)} names ${store.uri(bucket, entry.object)}, which no longer exists ` +
            '(deleted by hand or by a lifecycle rule?). Delete the index object to stage this content again.');
    }
    return fromIndex(store, bucket, entry, false);
}
/**
 * writeOnce, treating "it exists now" after a failed write as not created: the name is content-addressed, so
 * whoever wrote it (a concurrent stager, or our own upload whose answer was lost) wrote the same bytes.
 */
async function writeOnceOrExisting(store, bucket, name, source, options) {
    try {
        return (await store.writeOnce(bucket, name, source(), options)).created;
    }
    catch (error) {
        if (await store.stat(bucket, name).catch(() => undefined))
            return false;
        throw error;
    }
}
/** copyOnce, with the same reading of a failure as writeOnceOrExisting: content-addressed, so existing is as good. */
async function copyOnceOrExisting(store, bucket, from, to, options) {
    try {
        return await store.copyOnce(bucket, from, to, options);
    }
    catch (error) {
        const info = await store.stat(bucket, to).catch(() => undefined);
        if (info)
            return { created: false, info };
        throw error;
    }
}
function manifestFor(input, paths) {
    const { store, bucket } = input;
    return {
        version: INDEX_VERSION,
        dataset: input.dataset.name,
        sha256: input.sha256,
        source: {
            url: input.source.url,
            etag: input.source.etag ?? null,
            last_modified: input.source.lastModified ?? null,
        },
        rows: input.counts.rows,
        bad_rows: input.counts.badRows,
        bytes: input.counts.bytes,
        object: store.uri(bucket, paths.object),
        quarantine: input.quarantineFile ? store.uri(bucket, paths.quarantine) : null,
        format: { type: 'csv', encoding: 'utf-8', delimiter: ',', quote: '"', header: true },
        schema: bigQuerySchema(input.dataset),
        target: input.dataset.target,
        first_seen: paths.firstSeen,
        staged_at: input.now.toISOString(),
    };
}
/**
 * Stage the content unless it is already staged. Returns where it lives; `created` says whether this call
 * committed it. Throws (leaving no index) when any write fails: the next attempt starts over and reuses
 * whatever objects were already written (they are write-once and identical). The incoming object is deleted
 * in every case.
 */
async function stageContent(input) {
    try {
        return await stageIncoming(input);
    }
    finally {
        // Best effort: a failure here leaves a temporary object to the tmp/ lifecycle rule, not a staging error.
        await input.store.delete(input.bucket, input.incoming).catch(() => undefined);
    }
}
async function stageIncoming(input) {
    const { store, bucket, dataset, sha256 } = input;
    const existing = await findStaged(store, bucket, dataset.name, sha256);
    if (existing)
        return existing;
    const paths = stagedPaths(dataset.name, sha256, input.now);
    const written = [];
    const metadata = { dataset: dataset.name, sha256 };
    const objectOptions = { ...cleanObjectOptions(dataset.name), metadata };
    if ((await copyOnceOrExisting(store, bucket, input.incoming, paths.object, objectOptions)).created)
        written.push(paths.object);
    const quarantineFile = input.quarantineFile;
    if (quarantineFile) {
        const options = { contentType: 'application/x-ndjson', metadata };
        if (await writeOnceOrExisting(store, bucket, paths.quarantine, () => (0,external_node_fs_.createReadStream)(quarantineFile), options))
            written.push(paths.quarantine);
    }
    const manifestText = JSON.stringify(manifestFor(input, paths), null, 2) + '\n';
    if (await writeOnceOrExisting(store, bucket, paths.manifest, () => manifestText, { contentType: 'application/json', metadata })) {
        written.push(paths.manifest);
    }
    const entry = {
        version: INDEX_VERSION,
        sha256,
        object: paths.object,
        manifest: paths.manifest,
        quarantine: input.quarantineFile ? paths.quarantine : null,
        first_seen: paths.firstSeen,
        staged_at: input.now.toISOString(),
    };
    const name = indexName(dataset.name, sha256);
    const indexText = JSON.stringify(entry, null, 2) + '\n';
    if (await writeOnceOrExisting(store, bucket, name, () => indexText, { contentType: 'application/json', metadata })) {
        return fromIndex(store, bucket, entry, true);
    }
    // A concurrent stager of the same content committed first. Adopt its paths; when it staged under another
    // day (a race across midnight), what this call wrote is an orphan nobody will ever read: remove it if we may.
    // The ingest's identity may not delete under raw/ (write-once staging: it can only create there), and a copy
    // of staged content no index names does no harm, so a refused delete does not fail an ingest that succeeded.
    const winner = await readIndex(store, bucket, name);
    if (!winner)
        throw new Error(`The staging index ${store.uri(bucket, name)} was reported as existing but cannot be read.`);
    if (winner.object !== paths.object) {
        for (const orphan of written)
            await store.delete(bucket, orphan).catch(() => undefined);
    }
    return fromIndex(store, bucket, winner, false);
}

// EXTERNAL MODULE: ./src/storage/crc32c.ts
var crc32c = __webpack_require__(9237);
;// CONCATENATED MODULE: ./src/ingest/upload-blocks.ts
/**
 * The validator's clean output, regrouped into 1 MiB blocks for the upload. The validator hands on clean rows as
 * views of its input (a few KB each, between the rows it had to rewrite), which suits a file (one writev per
 * batch) but not the storage client: it writes every buffer it is given to the socket on its own, and 100 MB of
 * the bench file became ~61,000 socket writes of ~1.7 KB, a third of the ingest's CPU. Copying into blocks costs
 * one memcpy per byte.
 */

const UPLOAD_BLOCK_BYTES = 1024 * 1024;
class UploadBlocks extends external_node_stream_.Transform {
    #block = Buffer.allocUnsafe(UPLOAD_BLOCK_BYTES);
    #used = 0;
    constructor(bufferBytes) {
        super({ writableHighWaterMark: bufferBytes, readableHighWaterMark: bufferBytes });
    }
    _transform(chunk, _encoding, callback) {
        let from = 0;
        while (from < chunk.length) {
            const n = Math.min(chunk.length - from, UPLOAD_BLOCK_BYTES - this.#used);
            chunk.copy(this.#block, this.#used, from, from + n);
            this.#used += n;
            from += n;
            if (this.#used === UPLOAD_BLOCK_BYTES) {
                this.push(this.#block);
                this.#block = Buffer.allocUnsafe(UPLOAD_BLOCK_BYTES);
                this.#used = 0;
            }
        }
        callback();
    }
    _flush(callback) {
        if (this.#used > 0)
            this.push(this.#block.subarray(0, this.#used));
        callback();
    }
}

;// CONCATENATED MODULE: ./src/ingest/clean-sink.ts
/**
 * Where the validator's clean CSV goes while it is produced (see src/ingest/pipeline.ts):
 *
 * - `streamed`: straight to a temporary object in the bucket, so the upload overlaps validation. The usual case.
 * - `spooled`: to a local file, uploaded after validation only if its sha256 is not staged yet. Used when the
 *   source looks unchanged since it was last staged (source-index.ts), so a rerun uploads nothing.
 * - `discarded`: a dry run stages nothing.
 */






/**
 * How much clean output may wait for the upload. The client sends a resumable upload in 8 MiB chunks and
 * reads nothing more while one is in flight; with as much again buffered here, validation goes on meanwhile.
 */
const UPLOAD_BUFFER = 8 * 1024 * 1024;
/** The clean CSV, uploaded to the temporary object `name` while it is produced. */
function uploadingSink(store, bucket, name, dataset, onUploadFailure) {
    const stream = new UploadBlocks(UPLOAD_BUFFER);
    const written = store.writeOnce(bucket, name, stream, cleanObjectOptions(dataset));
    let aborted = false;
    let failure;
    // An upload that fails while validation is still writing must stop the validator, or it would wait for the
    // stream to drain forever: the validator's next write fails with the upload's error.
    written.catch((error) => {
        if (aborted)
            return;
        failure = error;
        const reason = error instanceof Error ? error : new Error(String(error));
        stream.destroy(reason);
        onUploadFailure(reason);
    });
    return {
        kind: 'streamed',
        stream,
        stored: written.then(() => undefined),
        async failedFirst() {
            // The client destroys the stream it reads from when its upload fails, which can reach the validator
            // before the upload's own (more telling) rejection does.
            if (failure === undefined && !aborted && stream.destroyed)
                await written.catch(() => undefined);
            return failure;
        },
        async abort(reason) {
            aborted = true;
            stream.destroy(reason);
            // An unfinished upload creates nothing; should this one have finished after all, its object goes.
            const completed = await written.then(() => true, () => false);
            if (completed)
                await store.delete(bucket, name).catch(() => undefined);
        },
        upload: async () => undefined,
    };
}
/**
 * How much clean output may wait for the disk. With the default 16 KiB the validator stopped at every input
 * chunk to wait for the write to finish: 100 MB took 1.65 s to validate into a file against 0.72 s with 8 MiB
 * (2, 4 and 8 MiB measured the same).
 */
const SPOOL_BUFFER = 4 * 1024 * 1024;
/** The clean CSV in a local file, its CRC32C computed on the way so the upload can declare it. */
function spoolingSink(path) {
    // The checksum is taken synchronously on the way through, so only the file needs room to fall behind.
    const stream = new crc32c/* Crc32cStream */.Pj({ writableHighWaterMark: SPOOL_BUFFER, readableHighWaterMark: 64 * 1024 });
    const stored = (0,external_node_stream_promises_.pipeline)(stream, (0,external_node_fs_.createWriteStream)(path, { highWaterMark: SPOOL_BUFFER }));
    return {
        kind: 'spooled',
        stream,
        stored,
        abort: async (reason) => {
            stream.destroy(reason);
            await stored.catch(() => undefined);
        },
        failedFirst: async () => undefined,
        async upload(store, bucket, name, dataset) {
            // Declared, GCS refuses bytes that differ from what was validated, and no object is created.
            const options = { ...cleanObjectOptions(dataset), crc32c: stream.crc32c.base64() };
            // Default 64 KiB reads: 1 MiB ones were no faster and left ~75 MB more of dead buffers awaiting GC on a 1 GB upload.
            await store.writeOnce(bucket, name, (0,external_node_fs_.createReadStream)(path), options);
        },
    };
}
/** A dry run stages nothing, so its clean output is only counted, never written. */
function discardingSink() {
    const stream = new external_node_stream_.Writable({ write: (_chunk, _encoding, callback) => callback() });
    return {
        kind: 'discarded',
        stream,
        stored: (0,external_node_stream_promises_.finished)(stream),
        abort: async (reason) => void stream.destroy(reason),
        failedFirst: async () => undefined,
        upload: async () => undefined,
    };
}

;// CONCATENATED MODULE: ./src/ingest/source-index.ts
/**
 * A hint that a source has not changed since it was last staged:
 *
 *   raw/<dataset>/by-source/<fingerprint>.json   {"sha256": …}   fingerprint = sha256(url, ETag, Last-Modified, length)
 *
 * The clean CSV is normally uploaded while it is validated, before its sha256 is known, so a rerun of content
 * that is already staged would upload it all again just to find that out. When the source answers with the
 * same validators as a run that staged content, the ingest keeps the clean copy on local disk instead and
 * uploads it only if the sha256 turns out to be new. The sha256 decides in the end: a source that changes its
 * bytes without changing its ETag costs a spooled run, never a wrong result.
 */

/** undefined when the source gave neither an ETag nor a Last-Modified: nothing says it is unchanged. */
function sourceFingerprint(source) {
    if (!source.etag && !source.lastModified)
        return undefined;
    const parts = [source.url, source.etag ?? '', source.lastModified ?? '', String(source.contentLength ?? '')];
    return (0,external_node_crypto_.createHash)('sha256').update(parts.join('\n')).digest('hex');
}
function sourceIndexName(dataset, fingerprint) {
    return `raw/${dataset}/by-source/${fingerprint}.json`;
}
/** The sha256 last staged from a source with this fingerprint; undefined when unknown or unreadable. */
async function lastStagedFrom(store, bucket, dataset, fingerprint) {
    try {
        const entry = JSON.parse((await store.read(bucket, sourceIndexName(dataset, fingerprint))).toString('utf8'));
        return typeof entry.sha256 === 'string' && /^[0-9a-f]{64}$/.test(entry.sha256) ? entry.sha256 : undefined;
    }
    catch {
        // Absent (the usual case), unreadable or not JSON: no hint, the clean copy is uploaded while validating.
        return undefined;
    }
}
/** Remembers what this source's content was (write-once: the first sha256 seen for a fingerprint stays). */
async function recordStagedFrom(store, bucket, dataset, fingerprint, sha256) {
    const body = JSON.stringify({ sha256 }) + '\n';
    await store.writeOnce(bucket, sourceIndexName(dataset, fingerprint), body, { contentType: 'application/json', metadata: { dataset, sha256 } });
}

// EXTERNAL MODULE: ./src/ingest/dataflow.ts
var dataflow = __webpack_require__(2214);
;// CONCATENATED MODULE: ./src/ingest/load.ts


function jobIdPrefix(dataset, sha256) {
    return `ingest_${dataset}_${sha256.slice(0, 16)}`;
}
async function loadIntoWarehouse(input) {
    const { dataset } = input;
    const result = await input.warehouse.load({
        dataset: dataset.name,
        target: dataset.target,
        schema: dataset.schema,
        ...(dataset.partitioning ? { partitioning: dataset.partitioning } : {}),
        ...(dataset.clustering ? { clustering: dataset.clustering } : {}),
        sourceUri: input.staged.objectUri,
        writeMode: dataset.writeMode,
        jobIdPrefix: jobIdPrefix(dataset.name, input.sha256),
        labels: { dataset: dataset.name, sha256_prefix: input.sha256.slice(0, 16), ...(input.labels ?? {}) },
    });
    return {
        outcome: result.adopted ? 'adopted' : 'loaded',
        jobId: result.jobId,
        attempt: result.attempt,
        table: result.table,
        rowsLoaded: result.rowsLoaded,
    };
}
function sibling(staged, suffix) {
    return staged.objectName.replace(/\.csv$/, suffix);
}
/** `value` as pretty JSON, write-once (ifGenerationMatch: 0): `created` is false when the name was taken. */
function writeJsonOnce(store, bucket, name, value) {
    return store.writeOnce(bucket, name, JSON.stringify(value, null, 2) + '\n', { contentType: 'application/json' });
}
async function readMarker(store, bucket, name) {
    try {
        return JSON.parse((await store.read(bucket, name)).toString('utf8'));
    }
    catch (error) {
        if (error instanceof object_store/* NotFoundError */.m_)
            return undefined;
        throw error;
    }
}
/**
 * Launches the template for staged content at most once, however often and however concurrently it is called:
 *
 * 1. A result marker exists: the content was launched; report that job (adopted).
 * 2. Claim the launch with a write-once object (ifGenerationMatch: 0) naming the deterministic job name. The
 *    caller that creates it launches, then writes the result marker.
 * 3. A caller that finds the claim taken and no result marker cannot tell a crash between launch and marker
 *    from a launch still in flight, so it asks Dataflow for a job of that name in any state — Dataflow's own
 *    409 covers only *active* jobs, and a finished one would be appended again. Found: adopt it and record it.
 *    Not found: the claimed launch never reached Dataflow (it failed, or the process died first) and this
 *    caller launches; if the claimant's request is still in flight after all, one of the two gets 409 and
 *    adopts the other's job.
 *
 * What stays open: Dataflow lists terminated jobs for 30 days, so a claim left without a result for longer than
 * that is launched again.
 */
async function loadWithDataflow(input) {
    const { store, staged, dataset } = input;
    const schemaName = sibling(staged, '.schema.json');
    await store.writeOnce(staged.bucket, schemaName, (0,dataflow/* dataflowSchemaJson */.gV)(dataset.schema), { contentType: 'application/json' });
    const schemaUri = store.uri(staged.bucket, schemaName);
    const project = input.projectId ?? input.launcher?.projectId;
    const table = project ? `${project}:${dataset.target.dataset}.${dataset.target.table}` : `${dataset.target.dataset}.${dataset.target.table}`;
    if (!input.launcher)
        return { outcome: 'scheduled', table, schemaUri };
    const launcher = input.launcher;
    const jobName = (0,dataflow/* dataflowJobName */.RF)(dataset.name, input.sha256);
    const markerName = sibling(staged, '.dataflow.json');
    const adopted = (jobId) => ({ outcome: 'adopted', jobId, table, schemaUri });
    /** Records the job as this content's load; when another caller recorded one first, theirs stands. */
    const record = async (jobId) => {
        const marker = { job_id: jobId, job_name: jobName, launched_at: input.now.toISOString() };
        const written = await writeJsonOnce(store, staged.bucket, markerName, marker);
        if (written.created)
            return jobId;
        return (await readMarker(store, staged.bucket, markerName))?.job_id ?? jobId;
    };
    const marker = await readMarker(store, staged.bucket, markerName);
    if (marker)
        return adopted(marker.job_id);
    const claim = { job_name: jobName, claimed_at: input.now.toISOString() };
    const claimed = await writeJsonOnce(store, staged.bucket, sibling(staged, '.dataflow-launch.json'), claim);
    if (!claimed.created) {
        const finished = await readMarker(store, staged.bucket, markerName);
        if (finished)
            return adopted(finished.job_id);
        const existing = await launcher.findJob(jobName);
        if (existing)
            return adopted(await record(existing.jobId));
    }
    const job = await launcher.launch({
        jobName,
        tempLocation: `gs://${staged.bucket}/tmp/dataflow/`,
        parameters: (0,dataflow/* csvToBigQueryParameters */.UX)({
            objectUri: staged.objectUri,
            schemaUri,
            outputTable: table,
            tempDirectory: `gs://${staged.bucket}/tmp/dataflow/bigquery/`,
            badRecordsTable: `${table}_bad_records`,
        }),
    });
    const recorded = await record(job.jobId);
    if (recorded !== job.jobId || job.adopted)
        return adopted(recorded);
    return { outcome: 'launched', jobId: job.jobId, table, schemaUri };
}

// EXTERNAL MODULE: ./src/ingest/report.ts
var ingest_report = __webpack_require__(60);
;// CONCATENATED MODULE: ./src/ingest/pipeline.ts
/**
 * One ingest, the same for every entry point (action, CLI, service):
 *
 *   fetch (stream) → validate (stream; sha256 of the raw bytes) ─┬→ clean CSV uploaded as it is produced, to a
 *                                                                │  temporary object (tmp/ingest/…)
 *                                                                └→ quarantine to a temp file
 *     → stage (copy into place, write-once, content-addressed) → load (deterministic job id) → report
 *
 * The upload runs alongside validation rather than after it, so an ingest takes about as long as the slower
 * of the two instead of their sum, and needs no local disk for the clean copy. The exception is a source that
 * answers with the validators of a run that staged content: a rerun would upload it all again only to find it
 * staged, so the copy goes to disk and is uploaded only if its sha256 is new (clean-sink.ts, source-index.ts).
 *
 * Nothing is staged until the whole source has been read and validated: a truncated download, a source error
 * or too many bad rows abort the upload before it completes (GCS creates no object for an unfinished resumable
 * upload), and the temporary object of a finished one never becomes a staged object (stage deletes it).
 * Everything after that is idempotent: a rerun or a concurrent duplicate finds the staged content by sha256 and
 * adopts the existing load job.
 */












const DEFAULT_FETCH = {
    allowHttp: false,
    allowPrivateAddresses: false,
    maxBytes: 10 * 1024 ** 3,
    timeoutMs: 5 * 60_000,
    retries: 4,
};
/** A gzip source's clean copy is taken as up to this many times its download, when judged against spoolLimitBytes. */
const GZIP_EXPANSION_ESTIMATE = 10;
/**
 * Whether the clean copy of a source of `contentLength` bytes fits the spool limit (unknown length: no). A gzip
 * source (declared, or `auto` with a .gz name) is judged by an estimate of what it expands to.
 */
function fitsSpool(contentLength, dataset, url, limit) {
    if (limit === undefined)
        return true;
    if (contentLength === undefined)
        return false;
    const { compression } = dataset.source;
    const gzip = compression === 'gzip' || (compression === 'auto' && /\.gz(ip)?(\?|#|$)/i.test(url));
    return contentLength * (gzip ? GZIP_EXPANSION_ESTIMATE : 1) <= limit;
}
async function closeFile(stream) {
    if (!stream.writableEnded)
        stream.end();
    await (0,external_node_stream_promises_.finished)(stream);
}
async function runIngest(options) {
    const { dataset, log } = options;
    const clock = options.clock ?? (() => new Date());
    const extraLabels = options.labels ?? {};
    const loadPath = options.loadOverride ?? dataset.load;
    const started = performance.now();
    const durations = {};
    let current = 'fetch';
    let sourceFailed = false;
    if (!options.dryRun) {
        if (!options.store || !options.bucket)
            throw new Error('runIngest needs a store and a bucket unless it is a dry run.');
        if (loadPath === 'bigquery' && !options.warehouse)
            throw new Error('runIngest needs a warehouse for load: bigquery.');
    }
    const work = await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.tmpDir, `ingest-${dataset.name}-`));
    try {
        // fetch + validate: one stream, two timings.
        const url = options.sourceOverride ?? dataset.source.url;
        const opened = await openSource(url, options.fetch);
        // Listening for 'end'/'error' does not change the stream's flow: they mark when the last source byte
        // arrived, and whether a failure was the download's (truncated, reset) rather than the validator's.
        let fetchEnded = 0;
        opened.stream.once('end', () => (fetchEnded = performance.now()));
        opened.stream.once('error', () => (sourceFailed = true));
        const totalBytes = opened.contentLength;
        const quarantineFile = (0,external_node_path_.join)(work, 'quarantine.jsonl');
        const store = options.store;
        const bucket = options.bucket;
        const incoming = incomingName(dataset.name);
        const fingerprint = options.dryRun
            ? undefined
            : sourceFingerprint({ url: (0,ingest_report.displayUrl)(url), etag: opened.etag, lastModified: opened.lastModified, contentLength: totalBytes });
        const stagedBefore = fingerprint ? await lastStagedFrom(store, bucket, dataset.name, fingerprint) : undefined;
        const cleanSink = options.dryRun
            ? discardingSink()
            : stagedBefore && fitsSpool(totalBytes, dataset, opened.finalUrl ?? url, options.spoolLimitBytes)
                ? spoolingSink((0,external_node_path_.join)(work, 'clean.csv'))
                : // A failed upload ends the download too: the validator may be waiting for the source rather than
                    // writing, and would only notice at its next write.
                    uploadingSink(store, bucket, incoming, dataset.name, (error) => opened.stream.destroy(error));
        // Awaited below once validation is over; until then a failed upload must not count as unhandled.
        cleanSink.stored.catch(() => undefined);
        const quarantine = (0,external_node_fs_.createWriteStream)(quarantineFile);
        let validated;
        try {
            current = 'validate';
            validated = await validateCsv(opened.stream, dataset, { clean: cleanSink.stream, quarantine }, {
                ...(options.onProgress ? { onProgress: (bytes) => options.onProgress?.({ bytes, ...(totalBytes ? { totalBytes } : {}) }) } : {}),
            });
        }
        catch (error) {
            const uploadError = await cleanSink.failedFirst();
            await Promise.allSettled([cleanSink.abort(error instanceof Error ? error : new Error(String(error))), closeFile(quarantine)]);
            if (uploadError === undefined)
                throw error;
            current = 'stage';
            throw uploadError;
        }
        await closeFile(quarantine);
        const validatedAt = performance.now();
        durations.fetch = (fetchEnded || validatedAt) - started;
        durations.validate = validatedAt - started;
        const source = (0,ingest_report.displayUrl)(opened.finalUrl ?? url);
        log((0,ingest_report.stageCompleted)(dataset.name, 'fetch', durations.fetch, { bytes: validated.bytes, source }, extraLabels));
        log((0,ingest_report.stageCompleted)(dataset.name, 'validate', durations.validate, { rows: validated.rows, bad_rows: validated.badRows, bytes: validated.bytes, sha256: validated.sha256 }, extraLabels));
        const report = {
            dataset: dataset.name,
            dryRun: options.dryRun,
            source,
            sha256: validated.sha256,
            rows: validated.rows,
            badRows: validated.badRows,
            bytes: validated.bytes,
            stagedNow: false,
            load: { path: loadPath, outcome: 'skipped' },
            durationsMs: durations,
            firstProblems: (0,ingest_report.describeProblems)(validated.firstProblems ?? []),
        };
        if (options.dryRun) {
            log((0,ingest_report.ingestSucceeded)(report, performance.now() - started, extraLabels));
            return report;
        }
        current = 'stage';
        // A streamed upload ran alongside validation: the stage's time is what staging adds after validation ends
        // (the rest of the upload, the copy into place, manifest and index).
        const stageStarted = validatedAt;
        await cleanSink.stored;
        // A spooled copy is uploaded only when its content is new (the source's hint was wrong).
        const alreadyStaged = cleanSink.kind === 'spooled' ? await findStaged(store, bucket, dataset.name, validated.sha256) : undefined;
        if (!alreadyStaged)
            await cleanSink.upload(store, bucket, incoming, dataset.name);
        const hasQuarantine = validated.badRows > 0 && (await (0,promises_.stat)(quarantineFile)).size > 0;
        const staged = alreadyStaged ?? await stageContent({
            store,
            bucket,
            dataset,
            sha256: validated.sha256,
            incoming,
            ...(hasQuarantine ? { quarantineFile } : {}),
            source: {
                url: source,
                ...(opened.etag ? { etag: opened.etag } : {}),
                ...(opened.lastModified ? { lastModified: opened.lastModified } : {}),
            },
            counts: { rows: validated.rows, badRows: validated.badRows, bytes: validated.bytes },
            now: clock(),
        });
        if (fingerprint && stagedBefore !== validated.sha256) {
            // Best effort: without it the next run of this source uploads while validating, as this one did.
            await recordStagedFrom(store, bucket, dataset.name, fingerprint, validated.sha256).catch(() => undefined);
        }
        durations.stage = performance.now() - stageStarted;
        Object.assign(report, {
            stagedNow: staged.created,
            objectUri: staged.objectUri,
            manifestUri: staged.manifestUri,
            firstSeen: staged.firstSeen,
            ...(staged.quarantineUri ? { quarantineUri: staged.quarantineUri } : {}),
        });
        log((0,ingest_report.stageCompleted)(dataset.name, 'stage', durations.stage, {
            bytes: validated.bytes,
            object_uri: staged.objectUri,
            created: staged.created,
            first_seen: staged.firstSeen,
            // How the clean copy travelled: uploaded while validating, or kept on disk (an unchanged-looking source).
            clean_copy: cleanSink.kind,
        }, extraLabels));
        if (loadPath !== 'none') {
            current = 'load';
            const loadStarted = performance.now();
            let loaded;
            if (loadPath === 'dataflow') {
                if (dataset.writeMode === 'replace') {
                    log({
                        severity: 'WARNING',
                        message: `ingest ${dataset.name}: the GCS_CSV_to_BigQuery template always appends; write-mode replace is not applied on the dataflow path`,
                        event: 'ingest_warning',
                        stage: 'load',
                        dataset: dataset.name,
                        'logging.googleapis.com/labels': { ...extraLabels, dataset: dataset.name, stage: 'load' },
                    });
                }
                loaded = await loadWithDataflow({
                    store,
                    dataset,
                    staged,
                    sha256: validated.sha256,
                    ...(options.dataflow ? { launcher: options.dataflow } : {}),
                    ...(options.projectId ? { projectId: options.projectId } : {}),
                    now: clock(),
                });
            }
            else {
                loaded = await loadIntoWarehouse({
                    warehouse: options.warehouse,
                    dataset,
                    staged,
                    sha256: validated.sha256,
                    labels: extraLabels,
                });
            }
            durations.load = performance.now() - loadStarted;
            report.load = {
                path: loadPath,
                outcome: loaded.outcome,
                ...(loaded.jobId ? { jobId: loaded.jobId } : {}),
                ...(loaded.attempt ? { attempt: loaded.attempt } : {}),
                ...(loaded.table ? { table: loaded.table } : {}),
            };
            if (loaded.rowsLoaded !== undefined)
                report.rowsLoaded = loaded.rowsLoaded;
            log((0,ingest_report.stageCompleted)(dataset.name, 'load', durations.load, {
                rows: validated.rows,
                bad_rows: validated.badRows,
                load_path: loadPath,
                outcome: loaded.outcome,
                job_id: loaded.jobId ?? null,
                table: loaded.table ?? null,
                rows_loaded: loaded.rowsLoaded ?? null,
            }, extraLabels));
        }
        log((0,ingest_report.ingestSucceeded)(report, performance.now() - started, extraLabels));
        return report;
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (current === 'validate' && sourceFailed)
            current = 'fetch';
        log((0,ingest_report.ingestFailed)(dataset.name, current, message, performance.now() - started, extraLabels));
        throw error;
    }
    finally {
        await (0,promises_.rm)(work, { recursive: true, force: true });
    }
}
/** The error an entry point shows when a dataset is missing a collaborator it needs. */
function missingFor(what, dataset, hint) {
    return new UserError(`Dataset "${dataset}" needs ${what}: ${hint}`);
}

;// CONCATENATED MODULE: ./src/ingest/targets.ts
/**
 * Where an ingest stages and loads, for the entry points: `gcp` (GCS + BigQuery, emulator variables honoured
 * by the wrappers) or `local` (a folder bucket + DuckDB under .dc-pipeline/). The wrappers are imported lazily:
 * `--target local` never loads the Google clients, and a dry run loads no warehouse at all.
 */



const LOCAL_BUCKET = 'local';
async function openTarget(options) {
    if (options.dryRun)
        return { kind: options.target, close: async () => undefined };
    const needsWarehouse = options.loads.some((l) => l === 'bigquery');
    if (options.target === 'local') {
        const root = (0,external_node_path_.resolve)(options.localRoot ?? '.dc-pipeline');
        const { createLocalStore } = await __webpack_require__.e(/* import() */ 820864).then(__webpack_require__.bind(__webpack_require__, 2922));
        const store = createLocalStore((0,external_node_path_.join)(root, 'gcs'));
        let warehouse;
        if (needsWarehouse) {
            // Fail before fetching anything when DuckDB is not installed (the action and service bundles leave the
            // 69 MB native package out; the npm-installed CLI has it).
            await import(/* webpackIgnore: true */ '@duckdb/node-api').catch(() => {
                throw new errors/* UserError */.y('target local loads into DuckDB, which needs the @duckdb/node-api package: use the npm-installed CLI ' +
                    '(npx dc-pipeline ingest … --target local) or npm install @duckdb/node-api.');
            });
            const { createDuckDbWarehouse } = await __webpack_require__.e(/* import() */ 249704).then(__webpack_require__.bind(__webpack_require__, 3383));
            warehouse = await createDuckDbWarehouse({ path: (0,external_node_path_.join)(root, 'warehouse.duckdb') });
        }
        return {
            kind: 'local',
            store,
            bucket: LOCAL_BUCKET,
            ...(warehouse ? { warehouse } : {}),
            close: async () => warehouse?.close(),
        };
    }
    if (!options.bucket)
        throw new errors/* UserError */.y(`${options.names.bucket} is required for target gcp (the staging bucket) and was empty.`);
    const { createGcsStore } = await __webpack_require__.e(/* import() */ 470208).then(__webpack_require__.bind(__webpack_require__, 648));
    const store = createGcsStore({ ...(options.projectId ? { projectId: options.projectId } : {}), env: options.env });
    let warehouse;
    if (needsWarehouse) {
        if (!options.projectId)
            throw new errors/* UserError */.y(`${options.names.projectId} is required to load into BigQuery and was empty.`);
        const { createBigQueryWarehouse } = await __webpack_require__.e(/* import() */ 698859).then(__webpack_require__.bind(__webpack_require__, 2737));
        warehouse = createBigQueryWarehouse({
            projectId: options.projectId,
            ...(options.location ? { location: options.location } : {}),
            env: options.env,
        });
    }
    let dataflow;
    if (options.loads.includes('dataflow') && options.dataflowRegion) {
        if (!options.projectId)
            throw new errors/* UserError */.y(`${options.names.projectId} is required to launch Dataflow and was empty.`);
        const { createDataflowLauncher } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 2214));
        dataflow = createDataflowLauncher({
            projectId: options.projectId,
            region: options.dataflowRegion,
            ...(options.dataflowServiceAccount ? { serviceAccountEmail: options.dataflowServiceAccount } : {}),
            env: options.env,
        });
    }
    return {
        kind: 'gcp',
        store,
        bucket: options.bucket,
        ...(warehouse ? { warehouse } : {}),
        ...(dataflow ? { dataflow } : {}),
        ...(options.projectId ? { projectId: options.projectId } : {}),
        readGcs: (uri) => {
            const { bucket, prefix } = (0,object_store/* parseGsUri */.yq)(uri, 'source');
            return store.readStream(bucket, prefix);
        },
        close: async () => warehouse?.close(),
    };
}

;// CONCATENATED MODULE: ./src/actions/ingest/ingest-one.ts
/**
 * One dataset from the catalog through the pipeline, for the action and the CLI (same inputs, same result):
 * catalog → dataset spec → target (store + warehouse) → runIngest → report.
 */



async function ingestOne(inputs, context) {
    const catalog = await loadCatalog(inputs.catalog);
    const dataset = findDataset(catalog, inputs.dataset);
    const loadPath = inputs.load ?? dataset.load;
    const target = await openTarget({
        target: inputs.target,
        bucket: inputs.bucket,
        ...(inputs.projectId ? { projectId: inputs.projectId } : {}),
        ...(inputs.location ? { location: inputs.location } : {}),
        ...(inputs.dataflowRegion ? { dataflowRegion: inputs.dataflowRegion } : {}),
        ...(inputs.dataflowServiceAccount ? { dataflowServiceAccount: inputs.dataflowServiceAccount } : {}),
        env: context.env,
        loads: [loadPath],
        dryRun: inputs.dryRun,
        names: { bucket: context.label('bucket'), projectId: context.label('project-id') },
    });
    try {
        return await runIngest({
            dataset,
            ...(target.store ? { store: target.store } : {}),
            ...(target.bucket ? { bucket: target.bucket } : {}),
            ...(target.warehouse ? { warehouse: target.warehouse } : {}),
            ...(target.dataflow ? { dataflow: target.dataflow } : {}),
            ...(inputs.projectId ? { projectId: inputs.projectId } : {}),
            fetch: {
                ...DEFAULT_FETCH,
                // The switch for local use: loopback/private hosts and plain HTTP go together.
                allowHttp: inputs.allowPrivateSources,
                allowPrivateAddresses: inputs.allowPrivateSources,
                ...(target.readGcs ? { readGcs: target.readGcs } : {}),
            },
            ...(inputs.source ? { sourceOverride: inputs.source } : {}),
            loadOverride: loadPath,
            dryRun: inputs.dryRun,
            log: context.log,
            tmpDir: context.tmpDir,
            labels: inputs.environment ? { environment: inputs.environment } : {},
            ...(context.onProgress ? { onProgress: context.onProgress } : {}),
        });
    }
    finally {
        await target.close();
    }
}


/***/ }),

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


/***/ }),

/***/ 9237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pj: () => (/* binding */ Crc32cStream),
/* harmony export */   wm: () => (/* binding */ crc32cBase64),
/* harmony export */   zH: () => (/* binding */ Crc32c)
/* harmony export */ });
/* unused harmony exports crc32cUpdate, crc32cToBase64 */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
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

/***/ 9182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RT: () => (/* binding */ ObjectStoreError),
/* harmony export */   m_: () => (/* binding */ NotFoundError),
/* harmony export */   yq: () => (/* binding */ parseGsUri)
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
