/**
 * Keeps `/regex/` terms from freezing the panel. JavaScript regexes cannot be interrupted, so the guard is
 * structural plus bounded input:
 * - exponential backtracking needs a repeated group that itself repeats or alternates (`(a+)+`, `(a|aa)*`):
 *   such patterns, backreferences and lookarounds are refused with a message;
 * - polynomial backtracking grows with the number of unbounded quantifiers and the input length: at most
 *   `maxUnbounded` of them (`{n,m}` counts as one), and each value is tested on its first `maxTestedChars`
 *   characters only, so one test stays within tens of milliseconds;
 * - matching is memoised per distinct value, and the caller stops a pass that exceeds its time budget.
 */
export const maxTestedChars = 500;
const maxUnbounded = 2;
const maxSourceLength = 500;

export function regexProblem(source: string, flags: string): string | undefined {
  if (source.length > maxSourceLength) return `The regular expression is longer than ${maxSourceLength} characters.`;
  if (/[^imsu]/.test(flags) || new Set(flags).size !== flags.length) return `Unknown regular expression flags "${flags}" (use i, m, s or u).`;
  try {
    new RegExp(source, flags);
  } catch (error) {
    return `Invalid regular expression: ${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error)}.`;
  }
  return structureProblem(source);
}

const refusedSyntax = /\\[1-9]|\\k<|\(\?<?[=!]/;

function structureProblem(source: string): string | undefined {
  if (refusedSyntax.test(source)) return 'Backreferences and lookarounds are not supported in /regex/ terms.';
  const groups: { repeats: boolean }[] = [];
  let unbounded = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      inClass = c !== ']';
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') {
      groups.push({ repeats: false });
      if (source[i + 1] === '?') i = source[i + 2] === '<' ? Math.max(i + 2, source.indexOf('>', i)) : i + 2;
    }
    else if (c === '|' && groups.length > 0) groups[groups.length - 1].repeats = true;
    else if (c === ')') {
      const group = groups.pop();
      const quantified = /^[*+?{]/.test(source[i + 1] ?? '');
      if (group?.repeats && quantified) return 'This regular expression repeats a group that repeats or alternates, which can take too long; simplify it.';
      if (quantified && groups.length > 0) groups[groups.length - 1].repeats = true;
    } else if (/[*+?]/.test(c) || (c === '{' && /^\{\d+,\d*\}/.test(source.slice(i)))) {
      if (c !== '?' || !/[*+?}]/.test(source[i - 1] ?? '')) markRepeat(groups);
      if (c !== '?') unbounded++;
    }
  }
  return unbounded > maxUnbounded ? `At most ${maxUnbounded} unbounded repeats (*, +) per regular expression.` : undefined;
}

function markRepeat(groups: { repeats: boolean }[]): void {
  if (groups.length > 0) groups[groups.length - 1].repeats = true;
}
