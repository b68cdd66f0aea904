import type { TimeZoneMode } from '../../src/protocol/logTable';
import type { EnumFilter, FilterDef, FilterValues, TextFilter } from '../../src/protocol/streamDefinition';
import { checkbox, dropdown, textField } from '../controls/toolkit';
import { parseLocalDateTime, toLocalDateTimeInput } from '../format/formatTime';

export type FilterValue = FilterValues[string];

export interface ControlContext {
  readonly timeZone: TimeZoneMode;
  /** Called on every change; `undefined` removes the filter. */
  onChange(value: FilterValue): void;
  /** Enter in a field applies the filters. */
  onSubmit(): void;
}

/** The input for one non-session filter, showing `value`. */
export function filterControl(filter: Exclude<FilterDef, { kind: 'session' }>, value: FilterValue, context: ControlContext): HTMLElement {
  switch (filter.kind) {
    case 'text':
      return textControl(filter, typeof value === 'string' ? value : '', context);
    case 'enum':
      return filter.multiple ? multiEnumControl(filter, value, context) : singleEnumControl(filter, value, context);
    case 'date':
      return nativeInput('date', filter.label, typeof value === 'string' ? value : '', context, (raw) => raw || undefined);
    case 'datetime': {
      const shown = typeof value === 'number' ? toLocalDateTimeInput(value, context.timeZone) : '';
      return nativeInput('datetime-local', filter.label, shown, context, (raw) => {
        const epoch = parseLocalDateTime(raw, context.timeZone);
        return Number.isNaN(epoch) ? undefined : epoch;
      });
    }
    case 'boolean':
      return checkbox(filter.label, value === true || (value === undefined && filter.defaultValue === true), (on) =>
        context.onChange(on ? true : filter.defaultValue === true ? false : undefined),
      );
  }
}

function textControl(filter: TextFilter, value: string, context: ControlContext): HTMLElement {
  const field = textField(filter.label, filter.placeholder ?? '', (raw) => {
    const valid = !filter.pattern || raw === '' || new RegExp(filter.pattern).test(raw);
    field.classList.toggle('invalid', !valid);
    field.setAttribute('aria-invalid', String(!valid));
    field.title = valid ? filter.description ?? '' : `Does not match the expected format ${filter.pattern}`;
    context.onChange(raw.trim() === '' ? undefined : raw.trim());
  });
  field.value = value;
  field.addEventListener('keydown', (event) => event.key === 'Enter' && context.onSubmit());
  return field;
}

/** Not '': the toolkit's select starts with value '' and would pre-select an option whose value is ''. */
const anyValue = '\u0000any';

function singleEnumControl(filter: EnumFilter, value: FilterValue, context: ControlContext): HTMLElement {
  const options = [{ value: anyValue, label: 'Any' }, ...filter.options];
  const selected = typeof value === 'string' ? value : filter.defaultValue ?? anyValue;
  return dropdown(filter.label, options, selected, (raw) => context.onChange(raw === anyValue ? undefined : raw));
}

function multiEnumControl(filter: EnumFilter, value: FilterValue, context: ControlContext): HTMLElement {
  const chosen = new Set(Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);
  const group = document.createElement('div');
  group.className = 'multi-enum';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', filter.label);
  for (const option of filter.options) {
    group.append(
      checkbox(option.label, chosen.has(option.value), (on) => {
        if (on) chosen.add(option.value);
        else chosen.delete(option.value);
        const values = filter.options.map((o) => o.value).filter((v) => chosen.has(v));
        context.onChange(values.length === 0 ? undefined : values);
      }),
    );
  }
  return group;
}

function nativeInput(
  type: 'date' | 'datetime-local',
  label: string,
  value: string,
  context: ControlContext,
  convert: (raw: string) => FilterValue,
): HTMLElement {
  const input = document.createElement('input');
  input.type = type;
  input.className = 'native-input';
  input.value = value;
  input.setAttribute('aria-label', label);
  input.addEventListener('change', () => context.onChange(convert(input.value)));
  input.addEventListener('keydown', (event) => event.key === 'Enter' && context.onSubmit());
  return input;
}
