/**
 * Polls `check` until it holds. The bound only turns a hang into a readable failure; it is far above what the
 * condition needs on a loaded machine, so no test depends on how fast the machine is.
 */
export async function until(check: () => boolean, what = 'the condition', timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 5));
  }
}
