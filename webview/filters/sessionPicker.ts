import type { MeetingSession } from '../../src/protocol/streamDefinition';
import type { SessionFilter } from '../../src/protocol/streamDefinition';
import { button, dropdown, setOptions, textField, type DropdownElement, type OptionSpec } from '../controls/toolkit';
import { formatTime } from '../format/formatTime';
import type { ControlContext, FilterValue } from './filterControls';

/**
 * Daily meeting-session picker: paste an id, or load recent sessions (a `listMeetingSessions` request) and pick
 * one. A filter whose key names a user session (`userSessionId`) lists each session's participants instead.
 */
export function sessionPicker(
  filter: SessionFilter,
  value: FilterValue,
  context: ControlContext,
  listSessions: () => Promise<readonly MeetingSession[]>,
): HTMLElement {
  const box = document.createElement('div');
  box.className = 'session-picker';
  const field = textField(filter.label, 'Paste an id or pick a session', (raw) =>
    context.onChange(raw.trim() === '' ? undefined : raw.trim()),
  );
  field.value = typeof value === 'string' ? value : '';
  field.addEventListener('keydown', (event) => event.key === 'Enter' && context.onSubmit());
  const message = document.createElement('span');
  message.className = 'picker-message';
  message.setAttribute('role', 'status');
  let picker: DropdownElement | undefined;
  const load = button('Recent sessions…', 'secondary', () => {
    message.textContent = 'Loading sessions…';
    listSessions().then(
      (sessions) => {
        const options = sessionOptions(sessions, /user/i.test(filter.key), context);
        message.textContent = options.length === 0 ? 'No recent sessions.' : '';
        picker ??= dropdown(`Recent ${filter.label}`, [], '', (id) => {
          if (id === '') return;
          field.value = id;
          context.onChange(id);
        });
        setOptions(picker, [{ value: '', label: `Pick one of ${options.length}…` }, ...options], '');
        if (!picker.isConnected) load.after(picker);
      },
      (error: Error) => {
        message.textContent = `Could not list sessions: ${error.message}`;
      },
    );
  });
  box.append(field, load, message);
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
