/** Whether a key event comes from a place where typing is text (so `/` and Escape belong to that control). */
export function isEditable(event: KeyboardEvent): boolean {
  return event.composedPath().some(
    (target) =>
      target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|VSCODE-TEXT-FIELD)$/.test(target.tagName)),
  );
}
