// Types for scripts/tf-docs.js, so the tests can call it in-process.
export type ParseHcl = (file: string, text: string) => Promise<Record<string, unknown>>;
export function renderModuleDocs(dir: string, parseHcl?: ParseHcl): Promise<string>;
export function updatedReadme(dir: string, parseHcl?: ParseHcl): Promise<{ file: string; current: string; next: string }>;
export function syncModuleReadmes(
  modulesDir: string,
  options?: { check?: boolean; parseHcl?: ParseHcl },
): Promise<{ modules: number; stale: string[] }>;
