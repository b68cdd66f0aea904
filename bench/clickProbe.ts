/**
 * Runs in every frame of the code-server page (Playwright init script), before the frame's own scripts. The
 * workbench frame records each pointer press; a webview content frame watches for the log table's first data rows
 * and leaves in `__clickToRowsReport` when they were painted and the steps before: the frame's start, the webview
 * bundle loaded, the host's first `rows` message. Times are epoch ms (`timeOrigin + now()`), so frames can be
 * compared.
 */
export interface ClickProbeReport {
  /** The first data row's text (cells joined by ` | `), to check the rows are the stream's. */
  readonly rowText: string;
  readonly frameStart: number;
  readonly scriptLoaded?: number;
  /** The host's first `rows` message that carries rows (the snapshot answering `ready` may be empty). */
  readonly firstRowsMessage?: number;
  readonly rowsInDom: number;
  /** After the frame that first showed the rows (a task queued from its animation frame callback). */
  readonly painted: number;
}

/** The probe as init-script text (with the identity `__name` that tsx's keepNames output calls). */
export function clickProbeSource(): string {
  return `globalThis.__name = globalThis.__name || ((fn) => fn);\n(${clickProbe.toString()})();`;
}

export function clickProbe(): void {
  const now = () => performance.timeOrigin + performance.now();
  const w = window as unknown as Record<string, unknown>;
  if (window === window.top) {
    addEventListener('pointerdown', () => (w.__lastPointerDown = now()), true);
    return;
  }
  const report = (value: ClickProbeReport) => (w.__clickToRowsReport = value);
  w.__clickToRowsProbe = true;
  let firstRowsMessage: number | undefined;
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { type?: string; rows?: unknown[] } | null;
    if (firstRowsMessage === undefined && data?.type === 'rows' && (data.rows?.length ?? 0) > 0) firstRowsMessage = now();
  };
  const scriptLoaded = () => {
    const entry = performance.getEntriesByType('resource').find((e) => /\/webview\/main\.js(\?|$)/.test(e.name)) as PerformanceResourceTiming | undefined;
    return entry ? performance.timeOrigin + entry.responseEnd : undefined;
  };
  const firstRow = () => {
    const row = document.querySelector('[role="grid"] .grid-body [role="row"]:not([hidden])');
    const cells = row ? Array.from(row.querySelectorAll('[role="gridcell"]'), (cell) => cell.textContent?.trim() ?? '') : [];
    return cells.filter((text) => text !== '').length >= 3 ? cells.join(' | ') : undefined;
  };
  const started = now();
  const poll = setInterval(() => {
    // The webview's inner frame is rewritten with document.open(), which drops window listeners: add it again
    // (adding the same listener twice is a no-op).
    addEventListener('message', onMessage, true);
    const rowText = firstRow();
    if (rowText !== undefined) {
      clearInterval(poll);
      const rowsInDom = now();
      requestAnimationFrame(() => setTimeout(() => report({ rowText, frameStart: performance.timeOrigin, scriptLoaded: scriptLoaded(), firstRowsMessage, rowsInDom, painted: now() })));
    } else if (now() - started > 120_000) {
      clearInterval(poll);
    }
  }, 4);
}
