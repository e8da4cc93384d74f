import { dirname as __dcp_dirname } from 'node:path'; import { fileURLToPath as __dcp_fileURLToPath } from 'node:url'; const __dirname = __dcp_dirname(__dcp_fileURLToPath(import.meta.url));
export const id = 802699;
export const ids = [802699];
export const modules = {

/***/ 6503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runTerraformPlan: () => (/* binding */ runTerraformPlan),
/* harmony export */   showPlanJson: () => (/* binding */ showPlanJson)
/* harmony export */ });
/* unused harmony export terraformVersion */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _parse_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3979);
/**
 * Running Terraform: init, plan with -detailed-exitcode, show -json. Always an argument array, never a shell.
 *
 * The plan's own output is held back until the plan JSON has been read: Terraform's human output can print
 * values the plan marks sensitive only indirectly (a `terraform_data.output` copied from a sensitive input),
 * and the secrets are known only once the JSON is parsed. They are masked in the held output and handed to
 * `onSensitiveValues` (to register as log masks) before the output reaches `log`.
 */




function runTerraform(spec) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(spec.binary, spec.args, {
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
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`The Terraform binary "${spec.binary}" could not be started (${error.code}); install Terraform or set the terraform input to its path.`));
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
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(o.planFile, { force: true });
    const held = [];
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
        onOutput: (chunk) => held.push(chunk),
    });
    const succeeded = plan.code === 0 || plan.code === 2;
    // A failed plan can still leave an errored plan file behind (Terraform 1.x saves it); show it if so.
    let planJson;
    let model;
    let showError;
    if (succeeded || (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(o.planFile)) {
        try {
            planJson = await showPlanJson(o.binary, o.cwd, o.planFile, o.env);
            model = (0,_parse_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePlan */ .v)(planJson, o.planFile);
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
    o.log(mask(held.join('')));
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`terraform show -json "${planFile}" failed (exit ${show.code}): ${diagnosticsOf(show.stderr) || 'no error output'}`);
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
