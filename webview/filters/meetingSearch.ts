import type { TimeZoneMode } from '../../src/protocol/logTable';
import type { MeetingQuery } from '../../src/protocol/streamDefinition';
import { button, textField } from '../controls/toolkit';
import { parseLocalDateTime } from '../format/formatTime';

/** The session picker's search row: room and time frame (`GET /meetings` filters), with Search. */
export class MeetingSearch {
  readonly element = document.createElement('div');
  private readonly room = textField('Room', 'Room name', () => undefined);
  private readonly from = dateTimeInput('Sessions started from');
  private readonly to = dateTimeInput('Sessions started until');

  /** `pickerLabel` names the search landmark: a stream may have two pickers (meeting and participant). */
  constructor(
    pickerLabel: string,
    private readonly timeZone: TimeZoneMode,
    onSearch: () => void,
  ) {
    this.element.className = 'meeting-search';
    this.element.setAttribute('role', 'search');
    this.element.setAttribute('aria-label', `Find sessions for ${pickerLabel}`);
    this.element.hidden = true;
    for (const input of [this.room, this.from, this.to]) input.addEventListener('keydown', (event) => event.key === 'Enter' && onSearch());
    this.element.append(this.room, this.from, this.to, button('Search', 'secondary', onSearch));
  }

  /** The query the fields describe (empty fields are left out). */
  query(): MeetingQuery {
    const time = (input: HTMLInputElement) => {
      const epoch = parseLocalDateTime(input.value, this.timeZone);
      return input.value === '' || Number.isNaN(epoch) ? undefined : epoch;
    };
    const room = this.room.value.trim();
    return { ...(room ? { room } : {}), ...definedTime('from', time(this.from)), ...definedTime('to', time(this.to)) };
  }
}

function definedTime(key: 'from' | 'to', value: number | undefined): MeetingQuery {
  return value === undefined ? {} : { [key]: value };
}

function dateTimeInput(label: string): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'datetime-local';
  input.className = 'native-input';
  input.setAttribute('aria-label', label);
  input.title = label;
  return input;
}
