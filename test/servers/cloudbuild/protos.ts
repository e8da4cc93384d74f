/**
 * The Cloud Build v1 service definition, loaded from the very .proto files @google-cloud/cloudbuild ships (its
 * google/api and google/longrunning imports come from google-gax's copy), so the loopback server speaks exactly
 * the wire format the client library encodes.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as protoLoader from '@grpc/proto-loader';
import type { ServiceDefinition } from '@grpc/grpc-js';

const require = createRequire(import.meta.url);

function protosDir(pkg: string): string {
  // Resolve the package's entry point (as the client library would find it) and walk up to its build/ folder,
  // so the path follows whatever node_modules layout npm chose.
  const entry = require.resolve(pkg, { paths: [path.dirname(require.resolve('@google-cloud/cloudbuild'))] });
  const marker = `${path.sep}build${path.sep}`;
  return path.join(entry.slice(0, entry.lastIndexOf(marker)), 'build', 'protos');
}

// Same conversions google-gax asks for, so server and client agree on field names and enum encoding.
const definition = protoLoader.loadSync('google/devtools/cloudbuild/v1/cloudbuild.proto', {
  includeDirs: [protosDir('@google-cloud/cloudbuild'), protosDir('google-gax')],
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});

export const cloudBuildService = definition['google.devtools.cloudbuild.v1.CloudBuild'] as ServiceDefinition;

/** A google.protobuf.Any holding `value` encoded as the fully-qualified message `typeName`. */
export function packAny(typeName: string, value: object): { typeUrl: string; value: Buffer } {
  const type = definition[typeName] as protoLoader.MessageTypeDefinition<object, object> | undefined;
  if (!type) throw new Error(`unknown message type ${typeName}`);
  return { typeUrl: `type.googleapis.com/${typeName}`, value: type.serialize(value) };
}
