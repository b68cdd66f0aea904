import type { PanelSettings, PanelStatus } from '../../src/protocol/logTable';
import { button, progressRing } from '../controls/toolkit';
import { formatClock } from '../format/formatTime';

export interface StatusActions {
  loadOlder(): void;
  loadAll(): void;
  cancelLoad(): void;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** The bottom line: counts, paging state, last refresh, dropped rows, and the paging buttons. */
export class StatusLine {
  readonly element = document.createElement('footer');
  private readonly text = document.createElement('span');
  private readonly progress = document.createElement('span');
  private readonly loadOlderButton: HTMLElement;
  private readonly loadAllButton: HTMLElement;
  private readonly cancelButton: HTMLElement;

  constructor(actions: StatusActions) {
    this.element.className = 'status-line';
    this.text.className = 'status-text';
    this.text.setAttribute('aria-live', 'polite');
    this.progress.className = 'status-progress';
    this.progress.hidden = true;
    this.loadOlderButton = button('Load older', 'secondary', () => actions.loadOlder());
    this.loadAllButton = button('Load all', 'secondary', () => actions.loadAll());
    this.cancelButton = button('Cancel', 'secondary', () => actions.cancelLoad());
    this.cancelButton.hidden = true;
    this.element.append(this.text, this.progress, this.loadOlderButton, this.loadAllButton, this.cancelButton);
  }

  update(status: PanelStatus | undefined, shown: number, settings: PanelSettings | undefined): void {
    if (!status) {
      this.text.textContent = 'Loading…';
      return;
    }
    const zone = settings?.timeZone ?? 'local';
    const parts = [`${count(status.loaded)} rows loaded`, `${count(shown)} shown`];
    if (status.total !== undefined) parts.push(`${count(status.total)} in total`);
    parts.push(status.more ? 'more available' : 'all loaded');
    if (status.lastRefresh !== undefined) parts.push(`last refresh ${formatClock(status.lastRefresh, zone)}`);
    if (status.liveTail) parts.push(status.tailPaused ? 'live tail paused' : 'live tail on');
    if (status.dropped > 0) {
      const limit = settings ? ` (limit ${count(settings.maxRows)})` : '';
      parts.push(`${count(status.dropped)} oldest rows dropped${limit}`);
    }
    this.text.textContent = parts.join(' · ');
    const busy = status.activity !== 'idle' && status.activity !== 'tail';
    this.progress.hidden = !busy;
    this.progress.replaceChildren();
    if (busy) this.progress.append(progressRing('Loading'), document.createTextNode(progressText(status)));
    this.cancelButton.hidden = !busy;
    this.loadOlderButton.hidden = !status.more;
    this.loadAllButton.hidden = !status.more;
    this.loadOlderButton.toggleAttribute('disabled', busy);
    this.loadAllButton.toggleAttribute('disabled', busy);
  }
}

function progressText(status: PanelStatus): string {
  if (status.activity === 'all') {
    const pages = status.pagesLoaded ?? 0;
    const total = status.total !== undefined ? ` of ${count(status.total)}` : '';
    return `Loading all… ${count(pages)} pages · ${count(status.loaded)}${total} rows`;
  }
  return status.activity === 'first' ? 'Loading…' : 'Loading older rows…';
}
