import type { z } from 'zod';
import { ProviderError } from './providerError';

/** `['data', 3, 'status']` → `data[3].status`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') {
      text += `[${part}]`;
    } else {
      text += text === '' ? String(part) : `.${String(part)}`;
    }
  }
  return text === '' ? '(root)' : text;
}

/**
 * Validates a response body. On failure throws `ProviderError('badResponse')` naming the first failing field path
 * and zod's description of the expectation, never the body or the offending value.
 */
export function parseWithSchema<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) {
    return result.data;
  }
  const issue = result.error.issues[0];
  const fieldPath = formatFieldPath(issue?.path ?? []);
  const expectation = issue ? describeIssue(issue) : 'invalid';
  return fail(`${what} has an unexpected shape at ${fieldPath} (${expectation}).`, fieldPath);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    return `expected ${issue.expected}`;
  }
  if (issue.code === 'invalid_union') {
    return 'matches none of the expected shapes';
  }
  return issue.message.slice(0, 120);
}

function fail(message: string, fieldPath: string): never {
  throw new ProviderError('badResponse', message, { fieldPath });
}
