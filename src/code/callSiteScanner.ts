/**
 * Scans files for a call-site pattern. No `vscode`: the host feeds it `workspace.findFiles` results read through
 * `workspace.fs`, the bench feeds it a generated folder read with `node:fs`.
 */
import type { CallSitePattern } from './callSitePatterns';
import type { CallSiteMatch } from './callSiteRanking';

export interface ScannedFile {
  /** Workspace-relative path. */
  readonly path: string;
  read(): Promise<Uint8Array>;
}

export interface ScanOptions {
  readonly hosts?: readonly string[];
  /** Lines before and after a match searched for the HTTP method. */
  readonly nearbyLines?: number;
  /** Files read at once. */
  readonly parallel?: number;
  /** Files larger than this are skipped (bundles, data). */
  readonly maxBytes?: number;
  readonly isCancelled?: () => boolean;
  /** Called with each file's matches as soon as the file is scanned. */
  readonly onMatches?: (matches: readonly CallSiteMatch[]) => void;
}

const decoder = new TextDecoder('utf-8', { fatal: false });
const defaultMaxBytes = 1_000_000;
/** Longer lines are minified code: not where a person wrote the call, and slow to match. */
const maxLineLength = 2_000;

/** Scans every file (a few at a time) and returns all matches; stops early when cancelled. */
export async function scanFiles(
  files: readonly ScannedFile[],
  pattern: CallSitePattern,
  options: ScanOptions = {},
): Promise<CallSiteMatch[]> {
  const all: CallSiteMatch[] = [];
  let next = 0;
  const worker = async () => {
    while (next < files.length && !options.isCancelled?.()) {
      const file = files[next++];
      const bytes = await file.read().catch(() => undefined);
      if (!bytes || bytes.byteLength > (options.maxBytes ?? defaultMaxBytes)) continue;
      const matches = matchText(file.path, decoder.decode(bytes), pattern, options);
      if (matches.length === 0) continue;
      all.push(...matches);
      options.onMatches?.(matches);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.parallel ?? 16) }, worker));
  return all;
}

/** The matching lines of one file's text. Files without the pattern's anchor are rejected with one `indexOf`. */
export function matchText(path: string, text: string, pattern: CallSitePattern, options: Pick<ScanOptions, 'hosts' | 'nearbyLines'> = {}): CallSiteMatch[] {
  if (!text.includes(pattern.anchor) || text.includes('\u0000')) return [];
  const lines = text.split(/\r?\n/);
  const around = options.nearbyLines ?? 3;
  const fileNamesHost = options.hosts?.some((host) => text.includes(host)) ?? false;
  const matches: CallSiteMatch[] = [];
  lines.forEach((lineText, line) => {
    if (lineText.length > maxLineLength || !lineText.includes(pattern.anchor)) return;
    const found = pattern.lineRegex.exec(lineText);
    if (!found) return;
    const nearby = lines.slice(Math.max(0, line - around), line + around + 1).join('\n');
    matches.push({ file: path, line, column: found.index, lineText, nearby, fileNamesHost });
  });
  return matches;
}

/** A plain literal search for the whole logged path (what a user would type), for comparison in the bench. */
export function literalMatches(text: string, literal: string): number {
  if (!text.includes(literal)) return 0;
  return text.split(/\r?\n/).filter((line) => line.includes(literal)).length;
}
