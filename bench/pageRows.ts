import type { Page } from 'playwright-core';

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1];

/** Runs in the page: realistic Daily API rows, newest first, or with shuffled times for the sort benchmark. */
export function installRowMaker(): void {
  const w = window as unknown as Record<string, unknown>;
  w.__makeRows = (count: number, shuffled: boolean) => {
    const base = Date.UTC(2026, 10, 23, 12);
    const paths = ['rooms', 'meetings', 'recordings', 'presence', 'logs'];
    return Array.from({ length: count }, (_, i) => {
      const time = shuffled ? base - Math.floor(Math.random() * 86_400_000 * 7) : base - i * 1000;
      const status = [200, 200, 201, 404, 500, 429][i % 6];
      return {
        id: `log-${i}`,
        time,
        severity: status >= 500 ? 'error' : status >= 400 ? 'warning' : 'info',
        fields: {
          createdAt: time,
          method: ['GET', 'POST', 'DELETE'][i % 3],
          url: `/v1/${paths[i % 5]}/room-${i % 977}`,
          status,
          ip: `10.${i % 200}.${i % 97}.${i % 13}`,
          request: JSON.stringify({ name: `room-${i % 977}`, privacy: 'private', properties: { exp: time / 1000, max_participants: i % 50 } }),
          response: JSON.stringify(status >= 400 ? { error: 'not-found', info: `room room-${i} not found` } : { id: `r${i}`, ok: true }),
        },
      };
    });
  };
}

/** Assigns rows as a synchronous host message and waits two animation frames. */
export async function timeRows(page: Page, count: number, shuffled = false): Promise<number> {
  return page.evaluate(
    async ([n, s]) => {
      const w = window as unknown as { __makeRows(n: number, s: boolean): unknown[] };
      const rows = w.__makeRows(n, s);
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      const start = performance.now();
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'rows', mode: 'replace', rows } }));
      await frame();
      await frame();
      const elapsed = performance.now() - start;
      if (!document.querySelector('[role=grid]')?.textContent?.includes('room-')) throw new Error('our grid shows no rows');
      return elapsed;
    },
    [count, shuffled] as const,
  );
}

