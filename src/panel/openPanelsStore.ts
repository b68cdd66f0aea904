import type * as vscode from 'vscode';
import type { PanelIdentity } from '../protocol/logTable';

const stateKey = 'apiLogs.openPanels';

interface OpenPanel {
  readonly title: string;
  readonly identity: PanelIdentity;
}

/**
 * The host's own record of the open panels, by title, in workspaceState. It backs up the webview's `setState`:
 * a browser tab reload in VS Code for the Web can unload the page before the webview state is stored, and the
 * serializer then receives no state, only the panel's title.
 */
export class OpenPanelsStore {
  constructor(private readonly state: vscode.Memento) {}

  find(title: string): PanelIdentity | undefined {
    return this.entries().find((entry) => entry.title === title)?.identity;
  }

  /** Records the panel under `title`, replacing an earlier record of the same stream or title. */
  remember(title: string, identity: PanelIdentity, sameStream: (other: PanelIdentity) => boolean): Thenable<void> {
    const others = this.entries().filter((entry) => entry.title !== title && !sameStream(entry.identity));
    return this.state.update(stateKey, [...others, { title, identity }]);
  }

  forget(sameStream: (other: PanelIdentity) => boolean): Thenable<void> {
    return this.state.update(
      stateKey,
      this.entries().filter((entry) => !sameStream(entry.identity)),
    );
  }

  private entries(): readonly OpenPanel[] {
    return this.state.get<OpenPanel[]>(stateKey, []);
  }
}
