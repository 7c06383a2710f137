/**
 * The audit log: what the wall showed and who decided, as JSON lines (one AuditEntry per line) appended
 * to a file, and the last MEMORY entries in memory (tests, the hub API). Appends are queued and written in
 * order off the command path: a slow or failing disk never delays or fails a command. A write error is
 * reported once (and once more after it recovers), not once per entry.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditEntry } from '../../src/presenter/protocol';

export const AUDIT_MEMORY = 500;
const DETAIL_MAX = 500;
const BY_MAX = 80;
const WHAT_MAX = 40;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Within auditEntrySchema's limits, whatever the caller passed. */
export function boundedEntry(entry: AuditEntry): AuditEntry {
  const out: AuditEntry = { at: entry.at, what: cut(entry.what, WHAT_MAX) || '?', detail: cut(entry.detail, DETAIL_MAX) };
  if (entry.by !== undefined) out.by = cut(entry.by, BY_MAX);
  return out;
}

export class AuditLog {
  readonly entries: AuditEntry[] = [];
  private pending = '';
  private writing: Promise<void> | null = null;
  private failing = false;
  private dirReady: Promise<unknown> | null = null;

  constructor(
    private readonly file: string | undefined,
    private readonly logError: (message: string) => void = (m) => console.error(m),
  ) {}

  append(entry: AuditEntry): AuditEntry {
    const e = boundedEntry(entry);
    this.entries.push(e);
    if (this.entries.length > AUDIT_MEMORY) this.entries.splice(0, this.entries.length - AUDIT_MEMORY);
    if (this.file) {
      this.pending += `${JSON.stringify(e)}\n`;
      if (!this.writing) this.writing = this.drain();
    }
    return e;
  }

  /** Resolves when everything appended so far has been written (or failed). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    const file = this.file!;
    this.dirReady ??= mkdir(dirname(file), { recursive: true }).catch(() => undefined);
    await this.dirReady;
    while (this.pending) {
      const chunk = this.pending;
      this.pending = '';
      try {
        await appendFile(file, chunk, 'utf8');
        if (this.failing) {
          this.failing = false;
          this.logError(`audit log: writing ${file} works again`);
        }
      } catch (err) {
        // Entries of a failed write are lost from the file (they stay in memory); the wall keeps running.
        if (!this.failing) {
          this.failing = true;
          this.logError(`audit log: cannot write ${file}: ${err instanceof Error ? err.message : String(err)} (further errors not reported)`);
        }
      }
    }
    this.writing = null;
  }
}
