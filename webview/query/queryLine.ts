import type { QueryError } from '../../src/protocol/query/ast';
import { removeAttribute, setAttribute, setHidden, setText } from '../panel/domWrites';
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
  private readonly serverGroup = new TermGroup('Server:', 'on-server');
  private readonly localGroup = new TermGroup('Local:', 'on-panel');
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
    this.where.title = 'Server terms are sent to the API on Enter (and checked locally too); local terms filter the loaded rows.';
    this.where.append(this.serverGroup.element, this.localGroup.element);
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
    setAttribute(this.input, 'aria-invalid', String(!!error));
    if (!error) {
      setHidden(this.errorBox, true);
      if (this.errorBox.firstChild) this.errorBox.replaceChildren();
      return;
    }
    this.errorBox.hidden = false;
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

  /** The terms the API applies and those only the panel applies; chips whose term is unchanged stay as they are. */
  showPlacement(server: readonly string[], local: readonly string[]): void {
    setHidden(this.where, server.length === 0 && local.length === 0);
    this.serverGroup.show(server);
    this.localGroup.show(local);
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
    setHidden(this.list, !open);
    setAttribute(this.input, 'aria-expanded', String(open));
    if (open || this.list.firstChild) this.list.replaceChildren(...this.items.map((item, index) => this.option(item, index)));
    if (this.active >= 0) setAttribute(this.input, 'aria-activedescendant', `${listId}-${this.active}`);
    else removeAttribute(this.input, 'aria-activedescendant');
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

/** "Server:" or "Local:" and a chip per term; hidden without terms. */
class TermGroup {
  readonly element = document.createElement('span');
  private readonly chips: HTMLElement[] = [];

  constructor(label: string, tone: string) {
    this.element.className = `query-where-group ${tone}`;
    this.element.append(label);
    this.element.hidden = true;
  }

  show(terms: readonly string[]): void {
    setHidden(this.element, terms.length === 0);
    while (this.chips.length > terms.length) this.chips.pop()?.remove();
    while (this.chips.length < terms.length) {
      const chip = document.createElement('code');
      chip.className = 'query-chip';
      this.chips.push(chip);
      this.element.append(chip);
    }
    terms.forEach((term, i) => setText(this.chips[i], term));
  }
}
