import { toPanelError, isCancellation } from './toPanelError';
import type { Operation, SessionEvents } from './sessionEvents';

/**
 * One load at a time: a new one aborts the one in flight. A load that fails is kept as the session's failure (a
 * cancelled one is not); one that succeeds clears a failure of its own kind, and a new first page clears any.
 */
export class LoadSlot {
  private current: { readonly op: Operation; readonly controller: AbortController } | undefined;

  /** `onChange` runs when a load starts and when the slot is free again. */
  constructor(
    private readonly events: SessionEvents,
    private readonly onChange: (running: Operation | undefined) => void,
  ) {}

  get running(): Operation | undefined {
    return this.current?.op;
  }

  cancel(): void {
    this.current?.controller.abort();
  }

  async run(op: Operation, body: (signal: AbortSignal) => Promise<void>): Promise<void> {
    this.cancel();
    const controller = new AbortController();
    this.current = { op, controller };
    this.onChange(op);
    try {
      await body(controller.signal);
      if (op === 'first' || this.events.failure?.op === op) this.events.setFailure(undefined);
    } catch (error) {
      if (!isCancellation(error, controller.signal)) this.events.setFailure({ op, error: toPanelError(error) });
    } finally {
      if (this.current?.controller === controller) {
        this.current = undefined;
        this.onChange(undefined);
      }
    }
  }
}
