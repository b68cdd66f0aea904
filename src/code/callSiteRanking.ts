/** Ranks call-site matches so the likeliest sender of a logged request comes first. Pure. */

export interface CallSiteMatch {
  /** Workspace-relative path, for display and a stable order. */
  readonly file: string;
  /** 0-based. */
  readonly line: number;
  readonly column: number;
  readonly lineText: string;
  /** The lines around the match (a few either side), where an HTTP method is looked for. */
  readonly nearby: string;
  /** The file names the provider's host somewhere. */
  readonly fileNamesHost: boolean;
}

export interface RankContext {
  /** The logged HTTP method (`POST`), if known. */
  readonly method?: string;
  /** The provider's hosts (`api.daily.co`, the connection's `127.0.0.1:4010`). */
  readonly hosts?: readonly string[];
  /** The logged path exactly as logged (`/v1/rooms/standup/presence`). */
  readonly loggedPath?: string;
}

export interface RankedCallSite extends CallSiteMatch {
  readonly score: number;
  /** Why it ranks where it does, for the quick pick's detail line. */
  readonly reasons: readonly string[];
}

const methods = ['get', 'post', 'put', 'patch', 'delete'];

/** Whether `text` names the HTTP method: `POST`, `method: 'post'`, `.post(`, `requests.post(`, `axios.post(`. */
export function mentionsMethod(text: string, method: string): boolean {
  const lower = method.toLowerCase();
  if (!methods.includes(lower)) return false;
  return new RegExp(`['"\`]${lower}['"\`]|\\.${lower}\\s*\\(|\\b${method.toUpperCase()}\\b`, 'i').test(text);
}

function mentionsOtherMethod(text: string, method: string): boolean {
  return methods.some((other) => other !== method.toLowerCase() && mentionsMethod(text, other));
}

/** Scores one match: the method nearby weighs most, then the host, then the logged path spelled literally. */
export function scoreCallSite(match: CallSiteMatch, context: RankContext): RankedCallSite {
  const reasons: string[] = [];
  let score = 0;
  if (context.method && mentionsMethod(match.nearby, context.method)) {
    score += 4;
    reasons.push(`${context.method.toUpperCase()} nearby`);
  } else if (context.method && mentionsOtherMethod(match.nearby, context.method)) {
    score -= 2;
    reasons.push('another method nearby');
  }
  if (context.hosts?.some((host) => match.lineText.includes(host))) {
    score += 3;
    reasons.push('same host');
  } else if (match.fileNamesHost) {
    score += 1;
    reasons.push('host in file');
  }
  if (context.loggedPath && match.lineText.includes(context.loggedPath)) {
    score += 1;
    reasons.push('exact path');
  }
  return { ...match, score, reasons };
}

/** Best first; ties keep a stable file/line order. */
export function rankCallSites(matches: readonly CallSiteMatch[], context: RankContext): RankedCallSite[] {
  return matches
    .map((match) => scoreCallSite(match, context))
    .sort((a, b) => b.score - a.score || a.file.localeCompare(b.file) || a.line - b.line);
}
