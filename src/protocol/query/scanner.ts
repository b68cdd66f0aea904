/** Character classes and token reading shared by the parser; positions are UTF-16 offsets into the query. */

export const maxQueryLength = 4_000;

/** Characters that end a bare word. */
export function endsWord(c: string | undefined): boolean {
  return c === undefined || c === '(' || c === ')' || c === '"' || /\s/.test(c);
}

export const fieldNamePattern = /^[A-Za-z_@$][\w@$.-]*$/;

export interface Scanned {
  readonly text: string;
  readonly end: number;
}

/** A bare word from `start`: everything up to whitespace, a parenthesis or a quote. */
export function scanWord(query: string, start: number): Scanned {
  let end = start;
  while (!endsWord(query[end])) end++;
  return { text: query.slice(start, end), end };
}

/** A double-quoted string from the quote at `start`; `undefined` when it is not closed. */
export function scanQuoted(query: string, start: number): Scanned | undefined {
  let text = '';
  for (let i = start + 1; i < query.length; i++) {
    const c = query[i];
    if (c === '"') return { text, end: i + 1 };
    if (c === '\\' && i + 1 < query.length) text += query[++i];
    else text += c;
  }
  return undefined;
}

/**
 * `/source/flags` from the slash at `start`, when the closing slash and flags end the word; otherwise
 * `undefined` (the text is then a plain word such as `/v1/rooms`).
 */
export function scanRegex(query: string, start: number): { source: string; flags: string; end: number } | undefined {
  for (let i = start + 1; i < query.length; i++) {
    const c = query[i];
    if (c === '\\') i++;
    else if (c === '/') {
      let end = i + 1;
      while (/[imsu]/.test(query[end] ?? '')) end++;
      if (!endsWord(query[end]) || i === start + 1) return undefined;
      return { source: query.slice(start + 1, i), flags: query.slice(i + 1, end), end };
    } else if (/\s/.test(c)) return undefined;
  }
  return undefined;
}
