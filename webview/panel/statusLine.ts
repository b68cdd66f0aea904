import type { PanelSettings, PanelStatus } from '../../src/protocol/logTable';
import { button, progressRing } from '../controls/toolkit';
import { formatClock } from '../format/formatTime';
import { setHidden, setText } from './domWrites';
import { timelineText } from './timelineStatus';

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
  /** The progress text shown ('' when none), so an unchanged one is not drawn again. */
  private progressShown = '';

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
      setText(this.text, 'Loading…');
      return;
    }
    const zone = settings?.timeZone ?? 'local';
    const parts = [`${count(status.loaded)} rows loaded`, `${count(shown)} shown`];
    if (status.total !== undefined) parts.push(`${count(status.total)} in total`);
    parts.push(pagingText(status));
    if (status.timeline) parts.push(timelineText(status.timeline, zone));
    if (status.lastRefresh !== undefined) parts.push(`last refresh ${formatClock(status.lastRefresh, zone)}`);
    if (status.liveTail) parts.push(status.tailPaused ? 'live tail paused' : 'live tail on');
    if (status.dropped > 0) {
      const limit = settings ? ` (limit ${count(settings.maxRows)})` : '';
      parts.push(`${count(status.dropped)} oldest rows dropped${limit}`);
    }
    setText(this.text, parts.join(' · '));
    const busy = status.activity !== 'idle' && status.activity !== 'tail';
    const showProgress = busy || status.retry !== undefined;
    const progress = showProgress ? progressText(status) : '';
    if (progress !== this.progressShown) {
      this.progressShown = progress;
      this.progress.replaceChildren();
      if (showProgress) this.progress.append(progressRing('Loading'), document.createTextNode(progress));
    }
    setHidden(this.progress, !showProgress);
    setHidden(this.cancelButton, !showProgress);
    setHidden(this.loadOlderButton, !status.more);
    setHidden(this.loadAllButton, !status.more);
    this.loadOlderButton.toggleAttribute('disabled', busy);
    this.loadAllButton.toggleAttribute('disabled', busy);
  }
}

/** Whether older rows remain, and never "all loaded" when paging stopped early or the API counts more rows. */
function pagingText(status: PanelStatus): string {
  if (status.more) return 'more available';
  const of = status.total !== undefined ? ` of ${count(status.total)}` : '';
  if (status.pagingStopped !== undefined) {
    const why = status.pagingStopped === 'repeatedPage' ? 'the API returned the same page again' : 'the API returned the same cursor again';
    return `paging stopped: ${why}; ${count(status.loaded)}${of} loaded`;
  }
  if (status.total !== undefined && status.total > status.loaded + status.dropped) return `the API listed no more pages; ${count(status.loaded)}${of} loaded`;
  return 'all loaded';
}

function progressText(status: PanelStatus): string {
  if (status.retry) {
    const { attempt, of, reason } = status.retry;
    return `${reason}, retrying ${attempt}/${of} …`;
  }
  if (status.activity === 'gap') return 'Loading the missing rows…';
  if (status.activity === 'all') {
    const pages = status.pagesLoaded ?? 0;
    const total = status.total !== undefined ? ` of ${count(status.total)}` : '';
    return `Loading all… ${count(pages)} pages · ${count(status.loaded)}${total} rows`;
  }
  return status.activity === 'first' ? 'Loading…' : 'Loading older rows…';
}
