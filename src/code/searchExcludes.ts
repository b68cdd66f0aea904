/**
 * The exclude glob for `workspace.findFiles`, which applies `files.exclude` only when no exclude is passed and never
 * reads `search.exclude` or `.gitignore`. So the three are merged here into one `{a,b}` glob. Pure.
 */

/** The keys of a `files.exclude` / `search.exclude` object that are switched on (`true`, not a `when` clause). */
export function enabledGlobs(setting: Readonly<Record<string, unknown>> | undefined): string[] {
  return Object.entries(setting ?? {})
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}

/**
 * Simple `.gitignore` lines as globs: `dist/`, `*.log`, `/out`, `build/**`. Negations and escapes are skipped
 * (over-including a file costs a read; under-including would hide a call site). `base` is the folder of a nested
 * `.gitignore` (`packages/api`): its lines apply below it.
 */
export function gitignoreGlobs(text: string, base = ''): string[] {
  const under = base.replace(/^\/+|\/+$/g, '');
  const prefix = under === '' ? '' : `${under}/`;
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!') && !line.includes('\\'))
    .map((line) => {
      const anchored = line.startsWith('/');
      const body = line.replace(/^\/+/, '').replace(/\/+$/, '');
      const inside = line.endsWith('/') || !body.includes('.') || body.endsWith('**') ? `${body.replace(/\/\*\*$/, '')}/**` : body;
      return anchored || body.includes('/') ? `${prefix}${inside}` : `${prefix}**/${inside}`;
    });
}

/** One brace glob, or undefined when nothing is excluded. */
export function excludeGlob(globs: readonly string[]): string | undefined {
  const unique = [...new Set(globs.filter((glob) => glob !== '' && !glob.includes(',') && !glob.includes('{')))];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : `{${unique.join(',')}}`;
}
