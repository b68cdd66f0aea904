import type { LoadActivity, PanelError } from '../protocol/logTable';
import type { SessionEvent } from './sessionOptions';

/** A kind of load a session runs. */
export type Operation = Exclude<LoadActivity, 'idle'>;

/** The load that failed last and how, kept for the panel's banner and for `retry`. */
export interface Failure {
  readonly op: Operation;
  readonly error: PanelError;
}

/** A session's listeners, and its last failure, announced when it changes. */
export class SessionEvents {
  private readonly listeners = new Set<(event: SessionEvent) => void>();
  private last: Failure | undefined;

  get failure(): Failure | undefined {
    return this.last;
  }

  on(listener: (event: SessionEvent) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  emit(event: SessionEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  /** A live tail failing the same way on every poll shows (and logs) its banner once. */
  setFailure(failure: Failure | undefined): void {
    const before = this.last;
    const changed = before?.error.message !== failure?.error.message || before?.op !== failure?.op;
    this.last = failure;
    if (changed) this.emit({ type: 'error', error: failure?.error ?? null });
  }

  clear(): void {
    this.listeners.clear();
  }
}
