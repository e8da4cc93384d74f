/**
 * Faults a test can inject into the GCS server: an HTTP status instead of the real answer, a connection dropped
 * after some bytes of the request (uploads) or response (downloads), or upload bytes corrupted in transit.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface RequestInfo {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
}

type Match = { times?: number; match?: (req: RequestInfo) => boolean };

export type Fault =
  | ({ kind: 'status'; status: number } & Match)
  /** Body bytes read (uploads) or sent (downloads) before the socket is destroyed; default 0. */
  | ({ kind: 'drop-connection'; afterBytes?: number } & Match)
  /** Handle the request fully, then drop the connection instead of answering: the reply is lost, the effect is not. */
  | ({ kind: 'drop-response' } & Match)
  /** Flip the first byte of the media this request uploads, as a bad NIC or proxy would. */
  | ({ kind: 'corrupt-upload' } & Match);

interface Armed {
  fault: Fault;
  remaining: number;
}

export class FaultList {
  #armed: Armed[] = [];

  add(fault: Fault): void {
    this.#armed.push({ fault, remaining: fault.times ?? 1 });
  }

  /** The first armed fault matching this request, consumed once. */
  take(req: RequestInfo): Fault | undefined {
    for (const armed of this.#armed) {
      if (armed.remaining <= 0) continue;
      if (armed.fault.match && !armed.fault.match(req)) continue;
      armed.remaining--;
      return armed.fault;
    }
    return undefined;
  }

  /** How many injected faults have not fired yet (a test can assert its fault was actually exercised). */
  get pending(): number {
    return this.#armed.reduce((n, a) => n + Math.max(0, a.remaining), 0);
  }
}
