import type { MeetingQuery, MeetingSession, MeetingSessionPage, SessionFilter } from '../../src/protocol/streamDefinition';
import { button, dropdown, setOptions, textField, type DropdownElement, type OptionSpec } from '../controls/toolkit';
import { formatTime } from '../format/formatTime';
import type { ControlContext, FilterValue } from './filterControls';
import { MeetingSearch } from './meetingSearch';

export type ListSessions = (query: MeetingQuery) => Promise<MeetingSessionPage>;

/**
 * Daily meeting-session picker: paste an id, or find sessions (`listMeetingSessions`: room, time frame, "More…"
 * for older pages) and pick one. A filter whose key names a user session (`userSessionId`) lists each session's
 * participants instead, so picking a participant selects their logs.
 */
export function sessionPicker(filter: SessionFilter, value: FilterValue, context: ControlContext, listSessions: ListSessions): HTMLElement {
  const box = document.createElement('div');
  box.className = 'session-picker';
  const field = textField(filter.label, 'Paste an id or pick a session', (raw) => context.onChange(raw.trim() === '' ? undefined : raw.trim()));
  field.value = typeof value === 'string' ? value : '';
  field.addEventListener('keydown', (event) => event.key === 'Enter' && context.onSubmit());
  const message = document.createElement('span');
  message.className = 'picker-message';
  message.setAttribute('role', 'status');
  const participants = /user/i.test(filter.key);
  let sessions: MeetingSession[] = [];
  let picker: DropdownElement | undefined;
  const search = new MeetingSearch(filter.label, context.timeZone, () => load(false));
  const more = button('More…', 'secondary', () => load(true));
  more.title = 'Load older sessions';
  more.hidden = true;
  const load = (older: boolean) => {
    message.textContent = 'Loading sessions…';
    const query = older ? { ...search.query(), after: sessions.at(-1)?.id } : search.query();
    listSessions(query).then(
      (page) => {
        sessions = older ? [...sessions, ...page.sessions] : [...page.sessions];
        more.hidden = !page.more;
        const options = sessionOptions(sessions, participants, context);
        message.textContent = options.length === 0 ? 'No sessions found.' : '';
        picker ??= dropdown(`Recent ${filter.label}`, [], '', (id) => {
          if (id === '') return;
          field.value = id;
          context.onChange(id);
        });
        setOptions(picker, [{ value: '', label: `Pick one of ${options.length}…` }, ...options], '');
        if (!picker.isConnected) search.element.after(picker);
      },
      (error: Error) => {
        message.textContent = `Could not list sessions: ${error.message}`;
      },
    );
  };
  const recent = button('Recent sessions…', 'secondary', () => {
    search.element.hidden = false;
    load(false);
  });
  box.append(field, recent, search.element, more, message);
  return box;
}

function sessionOptions(sessions: readonly MeetingSession[], participants: boolean, context: ControlContext): OptionSpec[] {
  const options: OptionSpec[] = [];
  for (const session of sessions) {
    const started = formatTime(session.startTime, context.timeZone).slice(0, 16);
    const summary = `${session.room} · ${started} · ${Math.round(session.duration / 60)} min · ${session.participants.length} participants${session.ongoing ? ' · ongoing' : ''}`;
    if (!participants) options.push({ value: session.id, label: summary });
    else for (const person of session.participants) options.push({ value: person.id, label: `${person.name || person.id} — ${summary}` });
  }
  return options;
}
