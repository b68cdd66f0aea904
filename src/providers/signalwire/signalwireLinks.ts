import { ProviderError } from '../../http/providerError';
import { redactUrl } from '../../http/redaction';
import type { Logger } from '../../util/logging';

/**
 * Where a SignalWire `links.next` is requested. Behind a base-URL override or a proxy SignalWire names its own
 * host in the link; the token must never go there, so the link's path and query are requested from the configured
 * origin. A link to another path than the endpoint cannot be followed that way, and says so instead of ending
 * the paging quietly.
 */
export class SignalwireLinks {
  private readonly base: URL;
  private readonly basePath: string;
  /** Foreign link origins already reported in the log (once each, not once per page). */
  private readonly reported = new Set<string>();

  constructor(
    baseUrl: string,
    private readonly logger: Logger,
  ) {
    this.base = new URL(baseUrl);
    this.basePath = this.base.pathname.replace(/\/+$/, '');
  }

  /** The absolute URL to request for `link`, a next page of `endpoint` (a path such as `/api/voice/logs`). */
  target(link: string, endpoint: string, what: string): string {
    let parsed: URL;
    try {
      parsed = new URL(link);
    } catch {
      throw new ProviderError('badResponse', `SignalWire sent a next-page link for the ${what} that is not a valid URL, so the rest cannot be loaded.`);
    }
    const origin = this.base.origin;
    if (parsed.pathname !== `${this.basePath}${endpoint}` && parsed.pathname !== endpoint) {
      throw new ProviderError(
        'badResponse',
        `SignalWire's next-page link points to ${redactUrl(`${parsed.origin}${parsed.pathname}`)}, not to the ${what} under ${origin}${this.basePath}, so the rest cannot be loaded. If a proxy or base URL override is in use, it must keep SignalWire's API paths.`,
      );
    }
    if (parsed.origin !== origin && !this.reported.has(parsed.origin)) {
      this.reported.add(parsed.origin);
      this.logger.info(
        `SignalWire's next-page link names another host (${redactUrl(parsed.origin)}); requesting its path and query from ${origin} instead, so the token is only sent there.`,
      );
    }
    return `${origin}${this.basePath}${endpoint}${parsed.search}`;
  }
}
