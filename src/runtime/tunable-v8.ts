/**
 * node:v8, for setting V8 flags at run time, on the Node majors whose V8 the settings were measured on (Node 20,
 * V8 11.3; Node 24, V8 13.6) — these are V8's internal flags — and undefined elsewhere. Loaded through
 * process.getBuiltinModule (Node 20.16 and later; older 20.x run untuned) rather than imported, so a bundle that
 * never tunes does not pay to load it.
 */
const TUNED_NODE_MAJORS = new Set([20, 24]);

export function tunableV8(): typeof import('node:v8') | undefined {
  if (!TUNED_NODE_MAJORS.has(Number(process.versions.node.split('.')[0]))) return undefined;
  return typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule('node:v8') : undefined;
}
