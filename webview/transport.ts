import type {
  HostNotification,
  ReplyPayload,
  WebviewCommand,
  WebviewRequest,
} from '../src/protocol/logTable';
import type { VsCodeApi } from './vscodeApi';

type Listener = (message: Exclude<HostNotification, { type: 'reply' }>) => void;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * Typed postMessage wrapper: fire-and-forget commands, requests with ids answered by `reply`, and host
 * notifications. Messages that are not objects with a known `type` are ignored (anything can post to a window).
 */
export class Transport {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners: Listener[] = [];

  constructor(
    private readonly api: VsCodeApi,
    target: Pick<Window, 'addEventListener'> = window,
  ) {
    target.addEventListener('message', (event) => this.receive((event as MessageEvent).data));
  }

  send(command: WebviewCommand): void {
    this.api.postMessage(command);
  }

  request<T extends WebviewRequest['type']>(
    request: Omit<Extract<WebviewRequest, { type: T }>, 'id'>,
  ): Promise<ReplyPayload<Extract<WebviewRequest, { type: T }>>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.api.postMessage({ ...request, id });
    });
  }

  onNotification(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** The handshake: the host answers with `init`, then `rows` and `status`. */
  ready(): void {
    this.send({ type: 'ready' });
  }

  private receive(data: unknown): void {
    if (typeof data !== 'object' || data === null || typeof (data as { type?: unknown }).type !== 'string') return;
    const message = data as HostNotification;
    if (message.type === 'reply') {
      this.settle(message);
      return;
    }
    for (const listener of this.listeners) listener(message);
  }

  private settle(reply: Extract<HostNotification, { type: 'reply' }>): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.error !== undefined) pending.reject(new Error(reply.error));
    else pending.resolve(reply.result);
  }
}
