/**
 * Terraform writes its output in chunks that split lines anywhere; the runner's log wants whole lines (and
 * masking works per line). Collects chunks and hands complete lines on.
 */
export function lineWriter(writeLine: (line: string) => void): { write: (chunk: string) => void; flush: () => void } {
  let pending = '';
  return {
    write(chunk) {
      pending += chunk;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) writeLine(line);
    },
    flush() {
      if (pending) writeLine(pending);
      pending = '';
    },
  };
}
