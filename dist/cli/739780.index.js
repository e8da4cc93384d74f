import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 739780;
export const ids = [739780];
export const modules = {

/***/ 16772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runTerraformPlan: () => (/* binding */ runTerraformPlan),
  showPlanJson: () => (/* binding */ showPlanJson)
});

// UNUSED EXPORTS: terraformVersion

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/terraform/parse-plan.ts + 6 modules
var parse_plan = __webpack_require__(69567);
;// CONCATENATED MODULE: ./src/terraform/plan-output.ts
/**
 * What of `terraform plan`'s own output may be logged as it happens. The plan's secrets are known only once its
 * JSON has been read, after the plan, and Terraform's human output can print a secret that nothing marks (a
 * `terraform_data.output` copied from a sensitive input). So the output is held back and masked at the end,
 * except the progress lines Terraform prints while it refreshes and reads: they name a resource and what Terraform
 * is doing, and nothing else once their `[id=…]` is left out (an id can be a value: a random_string's is its
 * result). On a large plan that is minutes of refreshing that would otherwise leave the log silent.
 *
 * Only lines known to be progress pass, and only until the first other line: from there on (the drift notes, the
 * planned actions, warnings, errors) everything is held, progress lines included.
 */
/** One step of a resource address: a name, and an index or a quoted for_each key. */
const STEP = String.raw `[A-Za-z_][\w-]*(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?`;
/** `<address>: <progress>` with an optional `[id=…, 10s elapsed]` tail, as Terraform 0.15–1.x prints them. */
const PROGRESS = new RegExp(String.raw `^(${STEP}(?:\.${STEP})*): (Refreshing state\.\.\.|Reading\.\.\.|Read complete after [0-9hms.]+|Still reading\.\.\.|Preparing import\.\.\.)(?: \[([^\]]*)\])?$`);
const ELAPSED = /^\d[\dhms.]* elapsed$/;
function planOutputGate(log) {
    let pending = '';
    let held = '';
    let holding = false;
    return {
        write(chunk) {
            if (holding) {
                held += chunk;
                return;
            }
            pending += chunk;
            let start = 0;
            for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
                const line = pending.slice(start, end);
                const progress = progressLine(line);
                if (progress === undefined) {
                    holding = true;
                    held = pending.slice(start);
                    pending = '';
                    return;
                }
                log(`${progress}\n`);
                start = end + 1;
            }
            pending = pending.slice(start);
        },
        release(mask) {
            const rest = holding ? held : pending;
            held = '';
            pending = '';
            holding = true;
            if (rest)
                log(mask(rest));
        },
    };
}
/** The line as it may be logged now (without ids), or undefined when it is not a progress line. */
function progressLine(line) {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text.trim() === '')
        return '';
    const m = PROGRESS.exec(text);
    if (!m)
        return undefined;
    const elapsed = (m[3] ?? '').split(', ').filter((part) => ELAPSED.test(part));
    return `${m[1]}: ${m[2]}${elapsed.length > 0 ? ` [${elapsed.join(', ')}]` : ''}`;
}

;// CONCATENATED MODULE: ./src/terraform/terraform-cli.ts
/**
 * Running Terraform: init, plan with -detailed-exitcode, show -json. Always an argument array, never a shell.
 *
 * The plan's own output is held back until the plan JSON has been read, except its progress lines
 * (plan-output.ts): Terraform's human output can print values the plan marks sensitive only indirectly (a
 * `terraform_data.output` copied from a sensitive input), and the secrets are known only once the JSON is
 * parsed. They are masked in the held output and handed to `onSensitiveValues` (to register as log masks) before
 * the held output reaches `log`.
 */





function runTerraform(spec) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(spec.binary, spec.args, {
            cwd: spec.cwd,
            env: spec.env,
            stdio: ['ignore', 'pipe', 'pipe'],
            windowsHide: true,
        });
        const stdout = [];
        const stderr = [];
        child.stdout.on('data', (chunk) => {
            if (spec.captureStdout)
                stdout.push(chunk);
            spec.onOutput?.(chunk.toString('utf8'));
        });
        child.stderr.on('data', (chunk) => {
            const text = chunk.toString('utf8');
            stderr.push(text);
            spec.onOutput?.(text);
        });
        child.on('error', (error) => {
            if (error.code === 'ENOENT' || error.code === 'EACCES') {
                reject(new errors/* UserError */.y(`The Terraform binary "${spec.binary}" could not be started (${error.code}); install Terraform or set the terraform input to its path.`));
            }
            else {
                reject(new Error(`Failed to run ${spec.binary} ${spec.args[0] ?? ''}: ${error.message}`));
            }
        });
        child.on('close', (code, signal) => {
            resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(stdout), stderr: stderr.join('') });
        });
    });
}
async function terraformVersion(binary, cwd, env) {
    const run = await runTerraform({ binary, args: ['version', '-json'], cwd, env, captureStdout: true });
    try {
        const parsed = JSON.parse(run.stdout.toString('utf8'));
        if (typeof parsed.terraform_version === 'string')
            return parsed.terraform_version;
    }
    catch {
        // Older or wrapped binaries print text: "Terraform v1.5.7".
    }
    const match = /v?(\d+\.\d+\.\d+[^\s]*)/.exec(run.stdout.toString('utf8'));
    return match?.[1] ?? 'unknown';
}
async function runTerraformPlan(o) {
    const version = await terraformVersion(o.binary, o.cwd, o.env);
    const base = { binary: o.binary, cwd: o.cwd, env: o.env };
    if (o.init) {
        const init = await runTerraform({ ...base, args: ['init', '-input=false', '-no-color'], onOutput: o.log });
        if (init.code !== 0) {
            return { status: 'failed', failedStep: 'init', diagnostics: diagnosticsOf(init.stderr), terraformVersion: version };
        }
    }
    // A plan file left from an earlier run must not pass for this run's (errored) plan.
    (0,external_node_fs_.rmSync)(o.planFile, { force: true });
    const output = planOutputGate(o.log);
    const plan = await runTerraform({
        ...base,
        args: [
            'plan',
            '-input=false',
            '-no-color',
            `-lock-timeout=${o.lockTimeout}`,
            '-detailed-exitcode',
            `-out=${o.planFile}`,
            ...o.varFiles.map((file) => `-var-file=${file}`),
            ...o.args,
        ],
        onOutput: output.write,
    });
    const succeeded = plan.code === 0 || plan.code === 2;
    // A failed plan can still leave an errored plan file behind (Terraform 1.x saves it); show it if so.
    let planJson;
    let model;
    let showError;
    if (succeeded || (0,external_node_fs_.existsSync)(o.planFile)) {
        try {
            planJson = await showPlanJson(o.binary, o.cwd, o.planFile, o.env);
            model = (0,parse_plan/* parsePlan */.v)(planJson, o.planFile);
        }
        catch (error) {
            if (succeeded)
                throw error;
            showError = error instanceof Error ? error.message : String(error);
            planJson = undefined;
        }
    }
    const secrets = model?.sensitiveValues ?? [];
    if (secrets.length > 0)
        o.onSensitiveValues?.(secrets);
    const mask = (text) => maskAll(text, secrets);
    output.release(mask);
    if (!succeeded) {
        const diagnostics = mask(diagnosticsOf(plan.stderr) || plan.stdout.toString('utf8') || showError || `terraform plan exited with code ${plan.code}`);
        return {
            status: 'failed',
            failedStep: 'plan',
            diagnostics,
            terraformVersion: version,
            ...(planJson !== undefined && model ? { planJson, model, planFile: o.planFile } : {}),
        };
    }
    return {
        status: plan.code === 2 ? 'changes' : 'no-changes',
        planFile: o.planFile,
        planJson,
        model,
        terraformVersion: version,
    };
}
async function showPlanJson(binary, cwd, planFile, env) {
    const show = await runTerraform({ binary, args: ['show', '-json', '-no-color', planFile], cwd, env, captureStdout: true });
    if (show.code !== 0) {
        throw new errors/* UserError */.y(`terraform show -json "${planFile}" failed (exit ${show.code}): ${diagnosticsOf(show.stderr) || 'no error output'}`);
    }
    return show.stdout.toString('utf8');
}
/** Terraform's error diagnostics: stderr from the first `Error:` on (warnings before it are noise here). */
function diagnosticsOf(stderr) {
    const text = stderr.replace(/\r\n?/g, '\n');
    const first = text.search(/^(?:│ )?Error: /m);
    return (first >= 0 ? text.slice(first) : text).trim();
}
function maskAll(text, secrets) {
    let out = text;
    for (const secret of secrets)
        if (out.includes(secret))
            out = out.split(secret).join('***');
    return out;
}


/***/ })

};
