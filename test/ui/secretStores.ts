import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * The workbench's browser storage as text per place: every IndexedDB database and object store (globalState,
 * workspace state and the webview state VS Code keeps for restored panels live there in code-server) and
 * localStorage (where the encrypted SecretStorage lives).
 */
export async function browserStores(page: Page): Promise<Record<string, string>> {
  return page.evaluate(dumpBrowserStorage) as Promise<Record<string, string>>;
}

/**
 * Runs in the workbench page. Plain JavaScript text on purpose: the test runner's transpiler would add helpers
 * (`__name`) to a function passed by reference, which do not exist in the page.
 */
const dumpBrowserStorage = `(async () => {
  const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const text = (value) => typeof value === 'string' ? value : value instanceof Uint8Array ? new TextDecoder().decode(value) : JSON.stringify(value);
  const stores = { localStorage: JSON.stringify(Object.entries(localStorage)) };
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    const db = await request(indexedDB.open(name));
    for (const storeName of Array.from(db.objectStoreNames)) {
      const store = db.transaction(storeName, 'readonly').objectStore(storeName);
      const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
      stores['indexedDB ' + name + '/' + storeName] = keys.map((key, index) => String(key) + '=' + text(values[index])).join('\\n');
    }
    db.close();
  }
  return stores;
})()`;

/** Every file under the folders, read byte-wise (latin1), so LevelDB, SQLite and logs can be searched for a token. */
export function diskFiles(...roots: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const root of roots.filter((path) => existsSync(path))) {
    for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      const path = join(root, entry);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isFile() && stat.size < 100 * 1024 * 1024) files[path] = readFileSync(path).toString('latin1');
    }
  }
  return files;
}

export function placesContaining(places: Readonly<Record<string, string>>, needles: readonly string[]): string[] {
  return Object.entries(places)
    .filter(([, text]) => needles.some((needle) => needle !== '' && text.includes(needle)))
    .map(([place]) => place);
}
