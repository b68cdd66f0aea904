import type { z } from 'zod';
import type { HttpClient } from '../../http/httpClient';
import { parseWithSchema } from '../../http/parseWithSchema';
import type { CallEvent } from '../../protocol/streamDefinition';
import type { SignalwireLinks } from './signalwireLinks';
import { signalwireCallEventListSchema, signalwireCallEventsPageSchema } from './signalwireSchemas';

/** A call has a handful of events; this bounds a server that keeps sending next links. */
const maxPages = 20;

/**
 * The events of one voice call, oldest first: `GET /api/voice/logs/{id}/events`, following `links.next` on the
 * configured origin. Throws `ProviderError` like every client call (the detail pane shows it with Retry).
 */
export async function listSignalwireCallEvents(
  http: HttpClient,
  links: SignalwireLinks,
  callId: string,
  signal?: AbortSignal,
): Promise<CallEvent[]> {
  const endpoint = `/api/voice/logs/${encodeURIComponent(callId)}/events`;
  const events: CallEvent[] = [];
  let target: string | undefined = endpoint;
  for (let page = 0; target !== undefined && page < maxPages; page++) {
    const raw = await http.getJson(target, page === 0 ? [['page_size', '1000']] : undefined, signal);
    const body: z.output<typeof signalwireCallEventsPageSchema> = Array.isArray(raw)
      ? { links: undefined, data: parseWithSchema(signalwireCallEventListSchema, raw, 'SignalWire call events') }
      : parseWithSchema(signalwireCallEventsPageSchema, raw, 'SignalWire call events');
    events.push(...body.data.map((event) => ({ time: event.event_at, level: event.level ?? null, name: event.name ?? null, details: event.details ?? null })));
    const next: string | undefined = body.links?.next ?? undefined;
    target = next === undefined ? undefined : links.target(next, endpoint, 'call events');
  }
  return events.sort((a, b) => a.time - b.time);
}
