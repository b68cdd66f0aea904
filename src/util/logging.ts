/** The logger every module receives; the host backs it with the "API Logs" LogOutputChannel, tests with memory. */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
  /** A logger whose lines carry `[topic]`. */
  child(topic: string): Logger;
}
