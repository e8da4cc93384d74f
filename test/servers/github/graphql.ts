/**
 * The one GraphQL mutation the toolkit sends: minimizeComment. Anything else is answered the way GitHub
 * answers a query it cannot run (200 with `errors`), so a test notices an unexpected query.
 */
import type { GitHubServerState } from './state.js';

const CLASSIFIERS = ['SPAM', 'ABUSE', 'OFF_TOPIC', 'OUTDATED', 'DUPLICATE', 'RESOLVED'];

export function handleGraphQL(state: GitHubServerState, body: unknown): unknown {
  const { query, variables } = (body ?? {}) as { query?: unknown; variables?: Record<string, unknown> };
  if (typeof query !== 'string') return { errors: [{ message: 'A query attribute must be specified and must be a string.' }] };
  const m = /minimizeComment\s*\(\s*input\s*:\s*\{([^}]*)\}\s*\)/.exec(query);
  if (!/^\s*mutation\b/.test(query) || !m) {
    return { errors: [{ type: 'UNSUPPORTED', message: 'loopback GitHub only implements the minimizeComment mutation' }] };
  }
  const args = m[1] as string;
  const subject = resolve(/subjectId\s*:\s*(\$\w+|"[^"]*")/.exec(args)?.[1], variables);
  const classifier = resolve(/classifier\s*:\s*(\$\w+|\w+)/.exec(args)?.[1], variables, true);
  if (!classifier || !CLASSIFIERS.includes(classifier)) {
    return { errors: [{ message: `Argument 'classifier' on InputObject 'MinimizeCommentInput' has an invalid value (${classifier}).` }] };
  }
  const comment = state.comments.find((c) => c.nodeId === subject);
  if (!comment) {
    return { data: { minimizeComment: null }, errors: [{ type: 'NOT_FOUND', path: ['minimizeComment'], message: `Could not resolve to a node with the global id of '${subject}'` }] };
  }
  if (state.readOnly) {
    return { data: { minimizeComment: null }, errors: [{ type: 'FORBIDDEN', path: ['minimizeComment'], message: 'Resource not accessible by integration' }] };
  }
  comment.minimized = classifier;
  return { data: { minimizeComment: { minimizedComment: { isMinimized: true, minimizedReason: classifier.toLowerCase() } } } };
}

function resolve(token: string | undefined, variables: Record<string, unknown> | undefined, bareEnum = false): string | undefined {
  if (!token) return undefined;
  if (token.startsWith('$')) {
    const v = variables?.[token.slice(1)];
    return typeof v === 'string' ? v : undefined;
  }
  if (token.startsWith('"')) return token.slice(1, -1);
  return bareEnum ? token : undefined;
}
