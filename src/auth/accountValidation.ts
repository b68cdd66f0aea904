import { validateBaseUrl } from '../http/baseUrl';

/** Validators for the add/edit prompts. Each returns a message to show in the input box, or undefined when valid. */

export function validateAccountName(value: string, existingNames: readonly string[]): string | undefined {
  const name = value.trim();
  if (name.length === 0) return 'Enter a name, for example "Acme production".';
  if (name.length > 80) return 'Use at most 80 characters.';
  if (existingNames.some((existing) => existing.toLowerCase() === name.toLowerCase())) {
    return `An account named "${name}" already exists.`;
  }
  return undefined;
}

export function validateToken(value: string): string | undefined {
  const token = value.trim();
  if (token.length === 0) return 'Paste the API key or token.';
  if (/\s/.test(token)) return 'The token cannot contain spaces or line breaks.';
  if (token.length > 4096) return 'That is too long to be a token.';
  return undefined;
}

/** A SignalWire space is the subdomain of `<space>.signalwire.com`: letters, digits and inner hyphens. */
export function validateSpaceName(value: string): string | undefined {
  const space = value.trim();
  if (space.length === 0) return 'Enter the space name: the "example" in example.signalwire.com.';
  if (space.includes('.')) return 'Enter only the space name, without ".signalwire.com".';
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(space)) {
    return 'Use letters, digits and hyphens only (not at the start or end), at most 63 characters.';
  }
  return undefined;
}

export function validateProjectId(value: string): string | undefined {
  const id = value.trim();
  if (id.length === 0) return 'Enter the project ID (a UUID, shown on the API page of your space).';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    return 'The project ID is a UUID such as 7a1f0c52-3b4d-4e5f-8a9b-0c1d2e3f4a5b.';
  }
  return undefined;
}

/** An optional override: empty means "use the default". */
export function validateOptionalBaseUrl(value: string): string | undefined {
  return value.trim() === '' ? undefined : validateBaseUrl(value.trim());
}

/** A required URL such as a self-hosted Lago server. */
export function validateRequiredBaseUrl(value: string): string | undefined {
  return value.trim() === '' ? 'Enter the server URL, for example https://lago.example.com.' : validateBaseUrl(value.trim());
}
