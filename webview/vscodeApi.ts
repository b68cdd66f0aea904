/** The slice of the object returned by VS Code's `acquireVsCodeApi()` that the webview uses. */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare global {
  /** Injected by VS Code into every webview; it may be called only once per page. */
  function acquireVsCodeApi(): VsCodeApi;
}
