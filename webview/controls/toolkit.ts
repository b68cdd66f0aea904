/**
 * The only module that imports `@vscode/webview-ui-toolkit` (archived upstream): every other module builds its
 * controls through these factories, so the toolkit can be replaced in this one file. Only the components used
 * are registered, which keeps the bundle small. `vscode-badge` is avoided: its colour bindings set a `style`
 * attribute, which the panel's CSP blocks.
 */
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeCheckbox,
  vsCodeDropdown,
  vsCodeOption,
  vsCodeProgressRing,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';

let registered = false;

/** Registers the custom elements once; call before building any control. */
export function registerToolkit(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(
    vsCodeButton(),
    vsCodeCheckbox(),
    vsCodeDropdown(),
    vsCodeOption(),
    vsCodeProgressRing(),
    vsCodeTextField(),
  );
}

export type ButtonAppearance = 'primary' | 'secondary' | 'icon';

/** A button; `onClick` also runs for Enter/Space since the toolkit button is a real focusable button. */
export function button(label: string, appearance: ButtonAppearance, onClick: () => void): HTMLElement {
  const element = document.createElement('vscode-button');
  element.setAttribute('appearance', appearance);
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}

export interface TextFieldElement extends HTMLElement {
  value: string;
  placeholder: string;
}

/**
 * The toolkit names a text field by its text content, a `<label>` it renders above the input (visually hidden in
 * main.css: the panel lays out its own labels); any other aria-label it overwrites with "Text field".
 */
export function textField(label: string, placeholder: string, onInput: (value: string) => void): TextFieldElement {
  const element = document.createElement('vscode-text-field') as TextFieldElement;
  element.setAttribute('placeholder', placeholder);
  element.textContent = label;
  element.addEventListener('input', () => onInput(element.value));
  return element;
}

export interface DropdownElement extends HTMLElement {
  value: string;
}

export interface OptionSpec {
  readonly value: string;
  readonly label: string;
}

export function dropdown(
  label: string,
  options: readonly OptionSpec[],
  selected: string,
  onChange: (value: string) => void,
): DropdownElement {
  const element = document.createElement('vscode-dropdown') as DropdownElement;
  element.setAttribute('aria-label', label);
  setOptions(element, options, selected);
  element.addEventListener('change', () => onChange(element.value));
  return element;
}

/** Replaces a dropdown's options (labels are text, never markup). */
export function setOptions(element: DropdownElement, options: readonly OptionSpec[], selected: string): void {
  element.replaceChildren(
    ...options.map((spec) => {
      const option = document.createElement('vscode-option');
      option.setAttribute('value', spec.value);
      if (spec.value === selected) option.setAttribute('selected', '');
      option.textContent = spec.label;
      return option;
    }),
  );
}

export interface CheckboxElement extends HTMLElement {
  checked: boolean;
}

export function checkbox(label: string, checked: boolean, onChange: (checked: boolean) => void): CheckboxElement {
  const element = document.createElement('vscode-checkbox') as CheckboxElement;
  element.textContent = label;
  element.checked = checked;
  element.addEventListener('change', () => onChange(element.checked));
  return element;
}

export function progressRing(label: string): HTMLElement {
  const element = document.createElement('vscode-progress-ring');
  element.setAttribute('aria-label', label);
  return element;
}
