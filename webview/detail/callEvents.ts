import type { TimeZoneMode } from '../../src/protocol/logTable';
import type { CallEvent } from '../../src/protocol/streamDefinition';
import { button } from '../controls/toolkit';
import { formatTime } from '../format/formatTime';

export type LoadCallEvents = (rowId: string) => Promise<readonly CallEvent[]>;

/**
 * A detail section whose content comes from the host on demand ("Load call events"): the call's events as text,
 * or the failure's sentence with Retry. Loaded once per opening of the pane.
 */
export function callEventsSection(title: string, rowId: string, load: LoadCallEvents, zone: TimeZoneMode): HTMLElement {
  const box = document.createElement('section');
  box.className = 'detail-section call-events';
  const header = document.createElement('div');
  header.className = 'section-header';
  const heading = document.createElement('h3');
  heading.textContent = title;
  const message = document.createElement('span');
  message.className = 'note';
  message.setAttribute('role', 'status');
  const list = document.createElement('ol');
  list.className = 'event-list';
  const start = button(`Load ${title.toLowerCase()}`, 'secondary', () => {
    start.hidden = true;
    message.textContent = `Loading ${title.toLowerCase()}…`;
    load(rowId).then(
      (events) => {
        message.textContent = events.length === 0 ? `No ${title.toLowerCase()}.` : `${events.length} ${title.toLowerCase()}`;
        list.replaceChildren(...events.map((event) => eventItem(event, zone)));
      },
      (error: Error) => {
        message.textContent = `Could not load ${title.toLowerCase()}: ${error.message}`;
        start.textContent = 'Retry';
        start.hidden = false;
      },
    );
  });
  header.append(heading, start);
  box.append(header, message, list);
  return box;
}

function eventItem(event: CallEvent, zone: TimeZoneMode): HTMLElement {
  const item = document.createElement('li');
  const summary = document.createElement('span');
  summary.className = `event-summary${event.level === 'error' ? ' tone-error' : event.level === 'warning' ? ' tone-warning' : ''}`;
  summary.textContent = [formatTime(event.time, zone), event.level ?? '', event.name ?? ''].filter((part) => part !== '').join(' · ');
  item.append(summary);
  if (event.details !== null) {
    const details = document.createElement('pre');
    details.className = 'raw';
    details.textContent = JSON.stringify(event.details);
    item.append(details);
  }
  return item;
}
