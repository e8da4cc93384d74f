/**
 * The subset of Cloud Build's ListBuilds filter language the client sends: `field="value"` terms joined by AND,
 * on tags (the build has that tag), trigger_id, status and build_id. Anything else is refused, as an unknown
 * filter would be by the real API, so a client bug shows up instead of silently matching everything.
 */
export interface FilterableBuild {
  id: string;
  tags: string[];
  buildTriggerId: string;
  status: string;
}

export type BuildPredicate = (build: FilterableBuild) => boolean;

const TERM = /^\s*(tags|trigger_id|status|build_id)\s*=\s*"([^"]*)"\s*$/;

export function parseBuildFilter(filter: string): BuildPredicate {
  if (!filter.trim()) return () => true;
  const predicates = filter.split(/\s+AND\s+/).map((term): BuildPredicate => {
    const m = TERM.exec(term);
    if (!m) throw new Error(`invalid filter term: ${term}`);
    const value = m[2] as string;
    switch (m[1]) {
      case 'tags':
        return (b) => b.tags.includes(value);
      case 'trigger_id':
        return (b) => b.buildTriggerId === value;
      case 'status':
        return (b) => b.status === value;
      default:
        return (b) => b.id === value;
    }
  });
  return (b) => predicates.every((p) => p(b));
}
