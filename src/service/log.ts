/**
 * Structured logs for Cloud Run: one JSON object per line on stdout, which Cloud Logging parses into
 * jsonPayload (severity, message and logging.googleapis.com/labels are lifted to the entry).
 * https://cloud.google.com/run/docs/logging#writing_structured_logs
 */
export type StructuredLog = (entry: Record<string, unknown>) => void;

export function jsonLineLogger(write: (line: string) => void, base: Record<string, unknown> = {}): StructuredLog {
  return (entry) => {
    write(JSON.stringify({ severity: 'INFO', time: new Date().toISOString(), ...base, ...entry }) + '\n');
  };
}
