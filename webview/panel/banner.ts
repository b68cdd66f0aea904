import type { PanelError } from '../../src/protocol/logTable';
import { button } from '../controls/toolkit';

export interface BannerActions {
  retry(): void;
  updateToken(): void;
}

/** The error banner (role=alert) above the table; the rows already loaded stay visible below it. */
export class Banner {
  readonly element = document.createElement('div');

  constructor(private readonly actions: BannerActions) {
    this.element.className = 'banner';
    this.element.setAttribute('role', 'alert');
    this.element.hidden = true;
  }

  show(error: PanelError | null): void {
    this.element.replaceChildren();
    this.element.hidden = error === null || error.kind === 'cancelled';
    if (this.element.hidden || !error) return;
    const message = document.createElement('span');
    message.className = 'banner-message';
    message.textContent = error.message;
    this.element.append(message);
    if (error.canRetry !== false) this.element.append(button('Retry', 'primary', () => this.actions.retry()));
    if (error.canUpdateToken) this.element.append(button('Update Token', 'secondary', () => this.actions.updateToken()));
  }
}
