import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type LaunchOptions } from 'playwright-core';

/** Debian's chromium; never a Playwright download (these machines cannot reach its server). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Throws, naming the one-line fix, when there is no Chromium to launch. */
export function chromiumLaunchOptions(): LaunchOptions {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}. Install it: sudo apt-get install -y chromium (or set CHROMIUM_PATH to another Chromium).`);
  }
  return { executablePath: chromiumPath, headless: true, args: [...chromiumArgs] };
}

export interface BrowserSession {
  readonly context: BrowserContext;
  /** The profile folder (removed by `close`). */
  readonly profile: string;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile that lives as long as the session (SecretStorage sits in it). */
export async function launchBrowser(viewport = { width: 1400, height: 900 }): Promise<BrowserSession> {
  const options = chromiumLaunchOptions();
  const profile = mkdtempSync(join(tmpdir(), 'api-logs-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { ...options, viewport });
  return {
    context,
    profile,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
