/**
 * The apply action's clients, each loaded lazily (its own chunk in the bundle) and built by its wrapper, which
 * alone knows endpoints, emulator variables and credentials.
 */
import type { CloudBuildApi } from '../../cloudbuild/client.js';
import type { GitHubClient } from '../../github/client.js';
import type { ObjectStore } from '../../storage/object-store.js';

const USER_AGENT = 'dc-pipeline-actions/0.1.0';

export interface ApplyClients {
  cloudBuild: CloudBuildApi;
  store: ObjectStore;
  github: GitHubClient;
  github_: typeof import('../../github/index.js');
  close(): Promise<void>;
}

export async function connect(options: { projectId: string; region: string; token: string; env: NodeJS.ProcessEnv; warn: (m: string) => void }): Promise<ApplyClients> {
  const [cloudbuild, storage, github] = await Promise.all([
    import('../../cloudbuild/client.js'),
    import('../../storage/gcs.js'),
    import('../../github/index.js'),
  ]);
  const cloudBuild = await cloudbuild.createCloudBuild({ projectId: options.projectId, region: options.region, env: options.env, userAgent: USER_AGENT });
  return {
    cloudBuild,
    store: storage.createGcsStore({ projectId: options.projectId, env: options.env, userAgent: USER_AGENT }),
    github: github.createGitHubClientFromEnv(options.token, options.env, options.warn),
    github_: github,
    close: () => cloudBuild.close(),
  };
}
