/**
 * zod schemas for saved views: the globalState record and the shared workspace file. Both carry a version; a
 * record without one predates versioning and reads as version 1, a newer version is refused with a message.
 * The shared form is a strict object, so an account id, a base URL or a token can never ride along in it.
 */
import * as z from 'zod';
import { filterValuesSchema, timeRangeSchema, viewLayoutSchema } from '../protocol/logTableSchemas';
import type { SavedView, ViewSpec } from '../protocol/savedView';
import { savedViewVersion } from '../protocol/savedView';

const streamIds = ['daily.api', 'daily.webhook', 'daily.meeting', 'lago.api', 'signalwire.video', 'signalwire.voice'] as const;

export const viewSpecSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    provider: z.enum(['daily', 'lago', 'signalwire']),
    streamId: z.enum(streamIds),
    filters: filterValuesSchema.default({}),
    query: z.string().max(10_000).default(''),
    timeRange: timeRangeSchema.optional(),
    layout: viewLayoutSchema.default({}),
  })
  .refine((view) => view.streamId.startsWith(`${view.provider}.`), { message: 'the stream does not belong to the provider', path: ['streamId'] });

const savedViewSchema = z.intersection(
  viewSpecSchema,
  z.object({ id: z.string().min(1).max(200), accountId: z.string().min(1).max(200) }),
);

/** Views read from a file or a store: the valid ones, and one sentence per entry or file that was not. */
export interface ParsedViews<T> {
  readonly views: readonly T[];
  readonly problems: readonly string[];
}

/** `{ version, views: [...] }` from globalState, an import or a workspace file; each entry is checked on its own. */
function parseViewList<T>(raw: unknown, entry: z.ZodType<T>, where: string): ParsedViews<T> {
  const envelope = z.object({ version: z.number().int().positive().optional(), views: z.array(z.unknown()) }).safeParse(raw);
  if (!envelope.success) return { views: [], problems: [`${where}: expected { "version": ${savedViewVersion}, "views": [...] }.`] };
  const version = envelope.data.version ?? 1;
  if (version > savedViewVersion) {
    return { views: [], problems: [`${where} was written by a newer version of API Logs Explorer (version ${version}); update the extension to read it.`] };
  }
  const views: T[] = [];
  const problems: string[] = [];
  envelope.data.views.forEach((item, index) => {
    const result = entry.safeParse(item);
    if (result.success) views.push(result.data);
    else problems.push(`${where}: view ${index + 1}${nameOf(item)} is invalid (${describe(result.error)}); it was skipped.`);
  });
  return { views, problems };
}

export function parseSharedViews(raw: unknown, where: string): ParsedViews<ViewSpec> {
  return parseViewList(raw, viewSpecSchema as z.ZodType<ViewSpec>, where);
}

export function parseStoredViews(raw: unknown): ParsedViews<SavedView> {
  if (raw === undefined) return { views: [], problems: [] };
  return parseViewList(raw, savedViewSchema as z.ZodType<SavedView>, 'Saved views');
}

/** Parses the text of a workspace file or an import; a file that is not JSON is one problem, not a throw. */
export function parseViewsText(text: string, where: string): ParsedViews<ViewSpec> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { views: [], problems: [`${where} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`] };
  }
  return parseSharedViews(raw, where);
}

/** The shareable part of a view, in a fixed key order (stable diffs in a committed file). */
export function toSpec(view: ViewSpec): ViewSpec {
  const { name, provider, streamId, filters, query, timeRange, layout } = view;
  return { name, provider, streamId, filters, query, ...(timeRange ? { timeRange } : {}), layout };
}

export function viewsDocument(views: readonly ViewSpec[]): string {
  return `${JSON.stringify({ version: savedViewVersion, views: views.map(toSpec) }, null, 2)}\n`;
}

function nameOf(item: unknown): string {
  return typeof item === 'object' && item !== null && 'name' in item && typeof item.name === 'string'
    ? ` ("${item.name.slice(0, 60)}")`
    : '';
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 2)
    .map((issue) => `${issue.path.map(String).join('.') || 'entry'}: ${issue.message}`)
    .join('; ');
}
