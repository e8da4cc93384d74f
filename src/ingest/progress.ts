/**
 * Download progress for people watching a terminal: a redrawn bar on a TTY, and a plain line every few seconds
 * otherwise (CI logs and `kubectl logs` keep every line, so a redrawn bar there would be thousands of lines).
 */

export interface IngestProgress {
  /** Raw bytes read from the source so far. */
  bytes: number;
  /** Content-Length when the source sent one. */
  totalBytes?: number;
  /** Data rows validated so far, when the validator reports it. */
  rows?: number;
}

export interface ProgressPrinter {
  update(progress: IngestProgress): void;
  /** Clear the bar (TTY) so the next output starts on a clean line. */
  finish(): void;
}

export interface ProgressPrinterOptions {
  write: (text: string) => void;
  tty: boolean;
  /** Terminal width for the bar. */
  columns?: number;
  now?: () => number;
  /** Minimum time between plain lines (non-TTY). */
  lineIntervalMs?: number;
  /** Minimum time between redraws (TTY). */
  redrawIntervalMs?: number;
  label?: string;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

function describe(p: IngestProgress): string {
  const size = p.totalBytes ? `${formatBytes(p.bytes)} / ${formatBytes(p.totalBytes)}` : formatBytes(p.bytes);
  return p.rows !== undefined ? `${size}, ${p.rows.toLocaleString('en-US')} rows` : size;
}

export function createProgressPrinter(options: ProgressPrinterOptions): ProgressPrinter {
  const now = options.now ?? Date.now;
  const label = options.label ?? 'fetch';
  const interval = options.tty ? (options.redrawIntervalMs ?? 100) : (options.lineIntervalMs ?? 5000);
  let last = -Infinity;
  let drawn = false;
  let latest: IngestProgress = { bytes: 0 };

  function bar(p: IngestProgress): string {
    const text = describe(p);
    if (!p.totalBytes) return `${label} ${text}`;
    const fraction = Math.min(1, p.bytes / p.totalBytes);
    const width = Math.max(10, Math.min(40, (options.columns ?? 80) - text.length - label.length - 10));
    const filled = Math.round(fraction * width);
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${text}`;
  }

  return {
    update(progress) {
      latest = { ...latest, ...progress };
      const t = now();
      if (t - last < interval) return;
      last = t;
      if (options.tty) {
        options.write(`\r${bar(latest)}\x1b[K`);
        drawn = true;
      } else {
        const pct = latest.totalBytes ? ` (${Math.floor((latest.bytes / latest.totalBytes) * 100)}%)` : '';
        options.write(`${label}: ${describe(latest)}${pct}\n`);
      }
    },
    finish() {
      if (options.tty && drawn) options.write('\r\x1b[K');
      drawn = false;
    },
  };
}
