import type { Range } from '../../src/protocol/query/highlight';

/** Writes `text` into `target` with the `ranges` wrapped in `<mark>`; text nodes only, never markup. */
export function setMarkedText(target: HTMLElement, text: string, ranges: readonly Range[]): void {
  const parts: (string | HTMLElement)[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.className = 'match';
    mark.textContent = text.slice(start, end);
    parts.push(mark);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  target.replaceChildren(...parts);
}
