import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type * as vscode from 'vscode';

/** Every form a token can take on the wire or on disk: as is, and SignalWire's Basic `project:token` in base64. */
export function tokenForms(token: string, projectId?: string): string[] {
  const forms = [token, encodeURIComponent(token)];
  if (projectId) forms.push(Buffer.from(`${projectId}:${token}`).toString('base64'));
  return forms;
}

/** The names of the places (and files) whose text contains any of the needles. */
export function hitsIn(places: Readonly<Record<string, string>>, needles: readonly string[]): string[] {
  return Object.entries(places)
    .filter(([, text]) => needles.some((needle) => text.includes(needle)))
    .map(([place]) => place);
}

/** The file `root`, or every file under it (recursively), with its content as latin1 text, so binary files are searched byte-wise. */
export function filesUnder(root: string, maxBytes = 50 * 1024 * 1024): Record<string, string> {
  const files: Record<string, string> = {};
  if (!existsSync(root)) return files;
  if (statSync(root).isFile()) return { [root]: readFileSync(root).toString('latin1') };
  for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const path = join(root, entry);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isFile() && stat.size <= maxBytes) files[path] = readFileSync(path).toString('latin1');
  }
  return files;
}

/** A Memento's keys and values as one JSON text per key. */
export function mementoText(name: string, memento: vscode.Memento): Record<string, string> {
  return Object.fromEntries(memento.keys().map((key) => [`${name}:${key}`, `${key}=${JSON.stringify(memento.get(key))}`]));
}
