/**
 * Errors in the shape the GCS JSON API returns them, which is what @google-cloud/storage parses into
 * ApiError.code / .errors[].reason (and what its retry predicate looks at).
 */
import type { ServerResponse } from 'node:http';

export class GcsError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason: string,
    readonly extra: { location?: string; locationType?: string } = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new GcsError(404, `No such object: ${what}`, 'notFound');
export const bucketNotFound = (_bucket: string) =>
  new GcsError(404, 'The specified bucket does not exist.', 'notFound');
export const preconditionFailed = (header: string) =>
  new GcsError(412, 'At least one of the pre-conditions you specified did not hold.', 'conditionNotMet', {
    location: header,
    locationType: 'header',
  });
export const badRequest = (message: string, reason = 'invalid') => new GcsError(400, message, reason);
export const forbidden = (bucket: string) =>
  new GcsError(
    403,
    `anonymous caller does not have storage.objects.get access to the Google Cloud Storage object in bucket ${bucket}.`,
    'forbidden',
  );

const REASON_BY_STATUS: Record<number, string> = {
  400: 'invalid',
  401: 'required',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
  412: 'conditionNotMet',
  416: 'requestedRangeNotSatisfiable',
  429: 'rateLimitExceeded',
  500: 'backendError',
  502: 'backendError',
  503: 'backendError',
  504: 'backendError',
};

export function statusError(status: number, message?: string): GcsError {
  return new GcsError(status, message ?? `Injected HTTP ${status}`, REASON_BY_STATUS[status] ?? 'unknown');
}

export function sendError(res: ServerResponse, error: GcsError): void {
  const body = JSON.stringify({
    error: {
      code: error.status,
      message: error.message,
      errors: [{ message: error.message, domain: 'global', reason: error.reason, ...error.extra }],
    },
  });
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(error.status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
