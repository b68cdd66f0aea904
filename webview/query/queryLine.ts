import type { QueryError } from '../../src/protocol/query/ast';
import type { Suggestion } from './completion';

export interface QueryLineActions {
  /** Every edit: apply locally. */
  onInput(text: string): void;
  /** Enter: apply and push the server part down. */
  onSubmit(text: string): void;
  suggestions(text: string, cursor: number, explicit: boolean): readonly Suggestion[];
}

const listId = 'query-suggestions';

/**
 * The query box: an ARIA combobox (↑ ↓ choose, Tab or Enter accept, Escape closes the list, then clears), the
 * error sentence with the offending text marked, and where each term ran. All text goes in as text nodes.
 */
export class QueryLine {
  readonly element = document.createElement('div');
  readonly input = document.createElement('input');
  private readonly list = document.createElement('ul');
  private readonly errorBox = document.createElement('div');
  private readonly where = document.createElement('div');
  private items: readonly Suggestion[] = [];
  private active = -1;

  constructor(private readonly actions: QueryLineActions) {
    this.element.className = 'query-line';
    const box = document.createElement('div');
    box.className = 'query-box quick-filter';
    this.input.className = 'query-input native-input';
    this.input.type = 'text';
    this.input.spellcheck = false;
    this.input.placeholder = 'Query loaded rows: status:>=400 method:POST -ip:10.0.* (/)';
    this.input.setAttribute('aria-label', 'Query over loaded rows');
    this.input.setAttribute('role', 'combobox');
    this.input.setAttribute('aria-autocomplete', 'list');
    this.input.setAttribute('aria-controls', listId);
    this.input.setAttribute('aria-expanded', 'false');
    this.list.id = listId;
    this.list.className = 'query-suggestions';
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', 'Suggestions');
    this.list.hidden = true;
    this.errorBox.className = 'query-error';
    this.errorBox.setAttribute('role', 'alert');
    this.errorBox.hidden = true;
    this.where.className = 'query-where';
    this.where.hidden = true;
    box.append(this.input, this.list);
    this.element.append(box, this.errorBox, this.where);
    this.input.addEventListener('input', () => this.onInput());
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('blur', () => this.close());
    this.list.addEventListener('pointerdown', (event) => event.preventDefault());
    this.list.addEventListener('click', (event) => this.onClick(event));
  }

  get value(): string {
    return this.input.value;
  }

  set value(text: string) {
    this.input.value = text;
  }

  /** Shows the sentence and marks `[start, end)` of the text, or hides the error when `error` is undefined. */
  showError(text: string, error: QueryError | undefined): void {
    this.errorBox.hidden = !error;
    this.input.setAttribute('aria-invalid', String(!!error));
    if (!error) return this.errorBox.replaceChildren();
    const sentence = document.createElement('span');
    sentence.className = 'query-error-text';
    sentence.textContent = `${error.message} The last valid query stays applied.`;
    const marker = document.createElement('code');
    marker.className = 'query-error-marker';
    const bad = document.createElement('mark');
    bad.className = 'query-error-token';
    bad.textContent = text.slice(error.start, error.end) || ' ';
    marker.append(text.slice(0, error.start), bad, text.slice(error.end));
    this.errorBox.replaceChildren(sentence, marker);
  }

  /** The terms the API applies and those only the panel applies. */
  showPlacement(server: readonly string[], local: readonly string[]): void {
    this.where.hidden = server.length === 0 && local.length === 0;
    const group = (label: string, terms: readonly string[], tone: string) => {
      const box = document.createElement('span');
      box.className = `query-where-group ${tone}`;
      box.append(label);
      for (const term of terms) {
        const chip = document.createElement('code');
        chip.className = 'query-chip';
        chip.textContent = term;
        box.append(chip);
      }
      return box;
    };
    const parts = [];
    if (server.length > 0) parts.push(group('Server:', server, 'on-server'));
    if (local.length > 0) parts.push(group('Local:', local, 'on-panel'));
    this.where.replaceChildren(...parts);
    this.where.title = 'Server terms are sent to the API on Enter (and checked locally too); local terms filter the loaded rows.';
  }

  private onInput(): void {
    this.actions.onInput(this.input.value);
    this.open();
  }

  /** `explicit`: asked for with ↓, so an empty word lists every field. */
  private open(explicit = false): void {
    this.items = this.actions.suggestions(this.input.value, this.cursor(), explicit);
    this.active = -1;
    this.render();
  }

  private close(): void {
    this.items = [];
    this.active = -1;
    this.render();
  }

  private render(): void {
    const open = this.items.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    this.list.replaceChildren(...this.items.map((item, index) => this.option(item, index)));
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${listId}-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
    this.list.children[this.active]?.scrollIntoView({ block: 'nearest' });
  }

  private option(item: Suggestion, index: number): HTMLElement {
    const option = document.createElement('li');
    option.id = `${listId}-${index}`;
    option.className = `query-option${index === this.active ? ' active' : ''}`;
    option.setAttribute('role', 'option');
    option.setAttribute('aria-selected', String(index === this.active));
    option.dataset.index = String(index);
    const label = document.createElement('span');
    label.className = 'query-option-label';
    label.textContent = item.label;
    const detail = document.createElement('span');
    detail.className = 'query-option-detail';
    detail.textContent = item.detail;
    option.append(label, detail);
    return option;
  }

  private onKey(event: KeyboardEvent): void {
    const open = this.items.length > 0;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return this.open(true);
      const count = this.items.length;
      this.active = event.key === 'ArrowDown' ? (this.active + 1) % count : this.active <= 0 ? count - 1 : this.active - 1;
      this.render();
    } else if (open && (this.active >= 0 || (event.key === 'Tab' && this.midWord())) && (event.key === 'Tab' || event.key === 'Enter')) {
      event.preventDefault();
      this.accept(this.items[Math.max(0, this.active)]);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.close();
      this.actions.onSubmit(this.input.value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      if (open) return this.close();
      this.input.value = '';
      this.actions.onInput('');
    }
  }

  private cursor(): number {
    return this.input.selectionStart ?? this.input.value.length;
  }

  /** Tab completes a word being typed; after a space it moves focus on as usual. */
  private midWord(): boolean {
    const cursor = this.cursor();
    return cursor > 0 && !/\s/.test(this.input.value[cursor - 1]);
  }

  private onClick(event: MouseEvent): void {
    const index = (event.target as HTMLElement).closest<HTMLElement>('[role=option]')?.dataset.index;
    if (index !== undefined) this.accept(this.items[Number(index)]);
  }

  private accept(item: Suggestion): void {
    const text = this.input.value;
    const spaced = item.insert.endsWith(':') ? item.insert : `${item.insert} `;
    const next = text.slice(0, item.from) + spaced + text.slice(item.to).replace(/^ /, '');
    this.input.value = next;
    const cursor = item.from + spaced.length;
    this.input.setSelectionRange(cursor, cursor);
    this.actions.onInput(next);
    this.open();
  }
}
