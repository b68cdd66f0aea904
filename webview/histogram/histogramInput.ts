/** What the pointer and keyboard on the plot ask for, in bar indices. */
export interface PlotIntents {
  barAt(cssX: number): number;
  bars(): number;
  hover(bar: number | undefined, cssX: number): void;
  /** Bars first..last highlighted while dragging or while Shift+arrows extend; undefined clears. */
  mark(selection: readonly [number, number] | undefined, focus: number | undefined): void;
  select(first: number, last: number): void;
  clear(): void;
}

/**
 * Pointer and keyboard on the histogram: click a bar or drag across bars to select, double-click to clear;
 * ←/→ (Home/End) move the keyboard's bar, Shift extends, Enter selects, Escape clears.
 */
export class PlotInput {
  private dragFrom: number | undefined;
  private dragTo: number | undefined;
  private focusBar: number | undefined;
  private anchor: number | undefined;

  constructor(
    private readonly element: HTMLElement,
    private readonly intents: PlotIntents,
  ) {
    element.addEventListener('pointerdown', (event) => this.down(event));
    element.addEventListener('pointermove', (event) => this.move(event));
    element.addEventListener('pointerup', (event) => this.up(event));
    element.addEventListener('pointerleave', () => intents.hover(undefined, 0));
    element.addEventListener('dblclick', () => intents.clear());
    element.addEventListener('keydown', (event) => this.key(event));
    element.addEventListener('blur', () => this.intents.mark(undefined, undefined));
    element.addEventListener('focus', () => this.intents.mark(this.keyboardSelection(), this.focused()));
  }

  /** The keyboard's bar, kept within the bars after they change. */
  focused(): number {
    const bars = this.intents.bars();
    this.focusBar = Math.min(Math.max(0, this.focusBar ?? bars - 1), Math.max(0, bars - 1));
    return this.focusBar;
  }

  /** The bars changed (new rows or a new range): forget a Shift selection in progress. */
  reset(): void {
    this.anchor = undefined;
  }

  private x(event: PointerEvent): number {
    return event.clientX - this.element.getBoundingClientRect().left;
  }

  private down(event: PointerEvent): void {
    if (event.button !== 0 || event.detail > 1) return;
    const bar = this.intents.barAt(this.x(event));
    if (bar < 0) return;
    this.element.setPointerCapture?.(event.pointerId);
    this.dragFrom = bar;
    this.dragTo = bar;
    this.intents.mark([bar, bar], undefined);
  }

  private move(event: PointerEvent): void {
    const bar = this.intents.barAt(this.x(event));
    if (this.dragFrom === undefined) {
      this.intents.hover(bar < 0 ? undefined : bar, this.x(event));
      return;
    }
    if (bar >= 0) this.dragTo = bar;
    this.intents.mark(ordered(this.dragFrom, this.dragTo ?? this.dragFrom), undefined);
  }

  private up(event: PointerEvent): void {
    if (this.dragFrom === undefined) return;
    const [first, last] = ordered(this.dragFrom, this.dragTo ?? this.dragFrom);
    this.dragFrom = this.dragTo = undefined;
    this.element.releasePointerCapture?.(event.pointerId);
    this.intents.mark(undefined, undefined);
    this.intents.select(first, last);
  }

  private key(event: KeyboardEvent): void {
    const bars = this.intents.bars();
    if (bars === 0) return;
    const current = this.focused();
    const moves: Record<string, number> = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: bars - 1 };
    if (event.key in moves) {
      event.preventDefault();
      if (event.shiftKey) this.anchor ??= current;
      else this.anchor = undefined;
      this.focusBar = Math.min(bars - 1, Math.max(0, moves[event.key]));
      this.intents.mark(this.keyboardSelection(), this.focusBar);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const [first, last] = this.keyboardSelection() ?? [current, current];
      this.anchor = undefined;
      this.intents.select(first, last);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.anchor = undefined;
      this.intents.clear();
    }
  }

  private keyboardSelection(): readonly [number, number] | undefined {
    return this.anchor === undefined ? undefined : ordered(this.anchor, this.focused());
  }
}

function ordered(a: number, b: number): readonly [number, number] {
  return a <= b ? [a, b] : [b, a];
}
