import type { TimeZoneMode } from '../../src/protocol/logTable';
import { relativePresets, type RelativePreset, type TimeRange } from '../../src/protocol/timeRange';
import { button, dropdown, setOptions, type DropdownElement } from '../controls/toolkit';
import { parseLocalDateTime, toLocalDateTimeInput } from '../format/formatTime';

const presetLabels: Record<RelativePreset, string> = { '15m': 'Last 15 minutes', '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days' };
const options = [
  { value: 'all', label: 'All time' },
  ...Object.keys(relativePresets).map((preset) => ({ value: preset, label: presetLabels[preset as RelativePreset] })),
  { value: 'custom', label: 'Custom range…' },
];

/**
 * The time range in the filter bar: presets (which stay relative) or an absolute from/to typed in the panel's
 * zone. A preset applies at once; a custom range applies with its Apply button or Enter.
 */
export class TimeRangePicker {
  readonly element = document.createElement('div');
  private readonly choice: DropdownElement;
  private readonly custom = document.createElement('span');
  private readonly from = dateInput('From (range start)');
  private readonly to = dateInput('To (range end)');
  private readonly message = document.createElement('span');
  private range: TimeRange | undefined;
  private zone: TimeZoneMode = 'local';

  constructor(private readonly onChange: (range: TimeRange | undefined) => void) {
    this.element.className = 'time-range';
    this.element.setAttribute('role', 'group');
    this.element.setAttribute('aria-label', 'Time range');
    this.choice = dropdown('Time range', options, 'all', (value) => this.chose(value));
    this.message.className = 'filter-message';
    this.message.setAttribute('role', 'status');
    const apply = button('Apply range', 'secondary', () => this.applyCustom());
    for (const input of [this.from, this.to]) input.addEventListener('keydown', (event) => event.key === 'Enter' && this.applyCustom());
    this.custom.className = 'time-range-custom';
    this.custom.append(this.from, this.to, apply);
    const label = document.createElement('span');
    label.className = 'time-range-label';
    label.textContent = 'Time';
    label.setAttribute('aria-hidden', 'true');
    this.element.append(label, this.choice, this.custom, this.message);
    this.show(undefined, 'local');
  }

  get value(): TimeRange | undefined {
    return this.range;
  }

  /** Shows `range` (restored state, or the zone changed) without reporting a change. */
  show(range: TimeRange | undefined, zone: TimeZoneMode): void {
    this.range = range;
    this.zone = zone;
    const selected = !range ? 'all' : range.kind === 'relative' ? range.preset : 'custom';
    setOptions(this.choice, options, selected);
    this.choice.value = selected;
    this.custom.hidden = selected !== 'custom';
    this.from.value = range?.kind === 'absolute' && range.from !== undefined ? toLocalDateTimeInput(range.from, zone) : '';
    this.to.value = range?.kind === 'absolute' && range.to !== undefined ? toLocalDateTimeInput(range.to, zone) : '';
    this.message.textContent = '';
  }

  private chose(value: string): void {
    this.custom.hidden = value !== 'custom';
    if (value === 'custom') {
      this.from.focus();
      return;
    }
    this.set(value === 'all' ? undefined : { kind: 'relative', preset: value as RelativePreset });
  }

  private applyCustom(): void {
    const from = this.from.value === '' ? undefined : parseLocalDateTime(this.from.value, this.zone);
    const to = this.to.value === '' ? undefined : parseLocalDateTime(this.to.value, this.zone);
    if (Number.isNaN(from) || Number.isNaN(to)) return this.invalid('Enter a complete date and time.');
    if (from !== undefined && to !== undefined && from > to) return this.invalid('The range starts after it ends.');
    this.set(from === undefined && to === undefined ? undefined : { kind: 'absolute', from, to });
  }

  private invalid(text: string): void {
    this.message.textContent = text;
  }

  private set(range: TimeRange | undefined): void {
    this.message.textContent = '';
    this.range = range;
    this.onChange(range);
  }
}

function dateInput(label: string): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'datetime-local';
  input.className = 'native-input';
  input.setAttribute('aria-label', label);
  return input;
}
