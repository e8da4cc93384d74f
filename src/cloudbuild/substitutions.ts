/**
 * Cloud Build substitution syntax: `$NAME` / `${NAME}` in the substituted fields (step name, args, env, dir,
 * entrypoint; images, tags, logsBucket…), `$$` for a literal dollar. User substitutions start with `_`; any other
 * name must be a built-in, or Cloud Build rejects the build. `script` is never substituted (Cloud Build passes
 * values to scripts through env only), which is why our configs map substitutions into `env:`.
 */

/** Built-ins Cloud Build defines for every build, and for triggered builds. */
export const BUILT_IN_SUBSTITUTIONS: ReadonlySet<string> = new Set([
  'PROJECT_ID',
  'PROJECT_NUMBER',
  'BUILD_ID',
  'LOCATION',
  'TRIGGER_NAME',
  'COMMIT_SHA',
  'REVISION_ID',
  'SHORT_SHA',
  'REPO_NAME',
  'REPO_FULL_NAME',
  'BRANCH_NAME',
  'TAG_NAME',
  'REF_NAME',
  'TRIGGER_BUILD_CONFIG_PATH',
  'SERVICE_ACCOUNT_EMAIL',
  'SERVICE_ACCOUNT',
]);

/** A user-defined substitution key, as Cloud Build accepts it. */
export const USER_SUBSTITUTION_KEY = /^_[A-Z0-9_]+$/;

// `$$` first so an escaped dollar is never read as the start of a reference.
const REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Every substitution name referenced in `text` (escaped `$$` excluded), in order of appearance. */
export function substitutionReferences(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const name = m[1] ?? m[2];
    if (name) names.push(name);
  }
  return names;
}

/**
 * Replace references with their values and `$$` with `$`. A reference with no value is left as written, which
 * is what Cloud Build does under ALLOW_LOOSE; strict callers check references first.
 */
export function applySubstitutions(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(REFERENCE, (whole: string, braced?: string, bare?: string) => {
    const name = braced ?? bare;
    if (!name) return '$';
    return Object.hasOwn(values, name) ? (values[name] as string) : whole;
  });
}

type Strings = readonly string[] | null | undefined;

/** The parts of a Build that Cloud Build substitutes into (structural, so decoded protos fit too). */
export interface SubstitutableBuild {
  steps?: ReadonlyArray<{
    name?: string | null;
    args?: Strings;
    env?: Strings;
    dir?: string | null;
    entrypoint?: string | null;
  }> | null;
  images?: Strings;
  tags?: Strings;
  logsBucket?: string | null;
  serviceAccount?: string | null;
  options?: { env?: Strings } | null;
  artifacts?: { images?: Strings; objects?: { location?: string | null; paths?: Strings } | null } | null;
}

/** Every substituted string of the build with its path (`steps[1].args[0]`), for checks and messages. */
export function substitutedStrings(build: SubstitutableBuild): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  const add = (path: string, value: string | null | undefined) => {
    if (value) out.push({ path, text: value });
  };
  const addAll = (path: string, values: Strings) => values?.forEach((v, i) => add(`${path}[${i}]`, v));
  build.steps?.forEach((step, i) => {
    add(`steps[${i}].name`, step.name);
    addAll(`steps[${i}].args`, step.args);
    addAll(`steps[${i}].env`, step.env);
    add(`steps[${i}].dir`, step.dir);
    add(`steps[${i}].entrypoint`, step.entrypoint);
  });
  addAll('images', build.images);
  addAll('tags', build.tags);
  add('logsBucket', build.logsBucket);
  add('serviceAccount', build.serviceAccount);
  addAll('options.env', build.options?.env);
  addAll('artifacts.images', build.artifacts?.images);
  add('artifacts.objects.location', build.artifacts?.objects?.location);
  addAll('artifacts.objects.paths', build.artifacts?.objects?.paths);
  return out;
}

/**
 * What Cloud Build would refuse about these substitutions (unless ALLOW_LOOSE): a reference to something neither
 * built in nor defined, a defined key that nothing uses, a key that is not `_UPPER_CASE`. Empty when fine.
 */
export function substitutionProblems(
  build: SubstitutableBuild,
  defined: Readonly<Record<string, string>>,
): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(defined)) {
    if (!USER_SUBSTITUTION_KEY.test(key)) {
      problems.push(`substitution key "${key}" is not valid: user substitutions must match ${USER_SUBSTITUTION_KEY.source}`);
    }
  }
  const used = new Set<string>();
  for (const { path, text } of substitutedStrings(build)) {
    for (const name of substitutionReferences(text)) {
      used.add(name);
      if (!BUILT_IN_SUBSTITUTIONS.has(name) && !Object.hasOwn(defined, name)) {
        const hint = name.startsWith('_') ? 'define it under substitutions or pass it' : 'write $$ for a literal $';
        problems.push(`$${name} is used at ${path} but is not a built-in substitution nor defined (${hint})`);
      }
    }
  }
  for (const key of Object.keys(defined)) {
    if (!used.has(key)) problems.push(`substitution ${key} is defined but never used (Cloud Build refuses unused substitutions)`);
  }
  return problems;
}
