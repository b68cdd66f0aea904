/** The display position a navigation key moves the selection to, or undefined when the key does not navigate. */
export function keyTarget(key: string, current: number, page: number, count: number): number | undefined {
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, current + 1);
    case 'ArrowUp':
      return Math.max(0, current - 1);
    case 'PageDown':
      return Math.min(count - 1, Math.max(0, current) + page);
    case 'PageUp':
      return Math.max(0, current - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/** What a key does to the selected row: its context menu, open its detail, or copy it (unless text is selected). */
export function rowKeyAction(event: KeyboardEvent): 'menu' | 'open' | 'copy' | undefined {
  if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) return 'menu';
  if (event.key === 'Enter') return 'open';
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c' && !hasTextSelection()) return 'copy';
  return undefined;
}

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed;
}
