import type { ConnectionSettings, LagoRegion } from '../auth/account';
import { providerLabels } from '../auth/account';
import {
  validateOptionalBaseUrl,
  validateProjectId,
  validateRequiredBaseUrl,
  validateSpaceName,
  validateToken,
} from '../auth/accountValidation';
import { resolveBaseUrl } from '../connections/connectionConfig';
import type { ProviderKind } from '../protocol/streamDefinition';
import type { Prompter } from '../ui/prompter';

export interface ConnectionAnswers {
  readonly settings: ConnectionSettings;
  /** Undefined when editing and the user kept the stored token. */
  readonly token?: string;
}

/**
 * Asks for everything a provider connection needs. With `existing`, the answers start from the stored settings and
 * an empty token keeps the stored one. Undefined means the user cancelled.
 */
export async function promptConnection(
  prompter: Prompter,
  provider: ProviderKind,
  existing?: ConnectionSettings,
): Promise<ConnectionAnswers | undefined> {
  const title = `${existing ? 'Edit' : 'Add'} ${providerLabels[provider]} connection`;
  const partial = await promptProviderSettings(prompter, provider, title, existing);
  if (!partial) return undefined;
  const tokenPrompt = tokenPrompts[provider];
  const token = await prompter.input(tokenPrompt.id, {
    title,
    prompt: existing ? `${tokenPrompt.prompt} Leave empty to keep the stored one.` : tokenPrompt.prompt,
    password: true,
    validateInput: (value) => (existing && value === '' ? undefined : validateToken(value)),
  });
  if (token === undefined) return undefined;
  const baseUrlOverride = await prompter.input('baseUrlOverride', {
    title: `${title}: base URL override (optional)`,
    prompt: `Leave empty to use ${resolveBaseUrl(partial)}. For proxies and local servers; https:// only, or http:// on this machine.`,
    value: existing?.baseUrlOverride ?? '',
    validateInput: validateOptionalBaseUrl,
  });
  if (baseUrlOverride === undefined) return undefined;
  const override = baseUrlOverride.trim();
  const settings: ConnectionSettings = override ? { ...partial, baseUrlOverride: override } : partial;
  return { settings, token: token.trim() || undefined };
}

const tokenPrompts = {
  daily: { id: 'dailyApiKey', prompt: 'Daily API key (Dashboard → Developers).' },
  lago: { id: 'lagoApiKey', prompt: 'Lago API key (Developers → API keys).' },
  signalwire: { id: 'signalwireToken', prompt: 'SignalWire API token (your space → API).' },
} as const;

async function promptProviderSettings(
  prompter: Prompter,
  provider: ProviderKind,
  title: string,
  existing?: ConnectionSettings,
): Promise<ConnectionSettings | undefined> {
  switch (provider) {
    case 'daily':
      return { provider: 'daily' };
    case 'lago':
      return promptLago(prompter, title, existing?.provider === 'lago' ? existing : undefined);
    case 'signalwire':
      return promptSignalWire(prompter, title, existing?.provider === 'signalwire' ? existing : undefined);
  }
}

async function promptLago(
  prompter: Prompter,
  title: string,
  existing?: Extract<ConnectionSettings, { provider: 'lago' }>,
): Promise<ConnectionSettings | undefined> {
  const regions: { label: string; description: string; region: LagoRegion }[] = [
    { label: 'US', description: 'api.getlago.com', region: 'us' },
    { label: 'EU', description: 'api.eu.getlago.com', region: 'eu' },
    { label: 'Self-hosted', description: 'your own Lago server', region: 'selfHosted' },
  ];
  const picked = await prompter.pick('lagoRegion', regions, { title, placeHolder: 'Where is your Lago organisation hosted?' });
  if (!picked) return undefined;
  if (picked.region !== 'selfHosted') return { provider: 'lago', region: picked.region };
  const url = await prompter.input('lagoUrl', {
    title,
    prompt: 'Your Lago server URL, e.g. https://lago.example.com (the API is at <URL>/api/v1; pasting the /api/v1 URL works too).',
    value: existing?.selfHostedUrl ?? '',
    validateInput: validateRequiredBaseUrl,
  });
  return url === undefined ? undefined : { provider: 'lago', region: 'selfHosted', selfHostedUrl: url.trim() };
}

async function promptSignalWire(
  prompter: Prompter,
  title: string,
  existing?: Extract<ConnectionSettings, { provider: 'signalwire' }>,
): Promise<ConnectionSettings | undefined> {
  const space = await prompter.input('signalwireSpace', {
    title,
    prompt: 'Space name: the "example" in example.signalwire.com.',
    value: existing?.space ?? '',
    validateInput: validateSpaceName,
  });
  if (space === undefined) return undefined;
  const projectId = await prompter.input('signalwireProjectId', {
    title,
    prompt: 'Project ID (a UUID, on the API page of your space).',
    value: existing?.projectId ?? '',
    validateInput: validateProjectId,
  });
  if (projectId === undefined) return undefined;
  return { provider: 'signalwire', space: space.trim(), projectId: projectId.trim() };
}
