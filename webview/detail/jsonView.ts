import type { JsonValue } from '../../src/protocol/streamDefinition';
import { appendLinkified } from './linkify';

/** Strings longer than this are cut in the pretty view, with a button that shows the whole string. */
const longString = 20_000;
const indentUnit = '  ';

/** Parses a JSON body that arrived as a string; undefined when it is not JSON (the caller shows raw text). */
export function parseJsonText(value: JsonValue | undefined): JsonValue | undefined {
  if (typeof value !== 'string') return value ?? undefined;
  const trimmed = value.trim();
  if (!/^[[{]/.test(trimmed)) return undefined;
  try {
    return JSON.parse(trimmed) as JsonValue;
  } catch {
    return undefined;
  }
}

/**
 * Pretty-prints a JSON value as coloured spans (`json-key`, `json-string`, `json-number`, `json-boolean`,
 * `json-null`, `json-punct`). Every token is a text node; URLs inside strings become host-opened links.
 */
export function renderJson(value: JsonValue, openLink: (url: string) => void): HTMLElement {
  const pre = document.createElement('pre');
  pre.className = 'json';
  appendValue(pre, value, '', openLink);
  return pre;
}

function appendValue(out: HTMLElement, value: JsonValue, indent: string, openLink: (url: string) => void): void {
  if (value === null) out.append(token('null', 'json-null'));
  else if (typeof value === 'string') out.append(stringToken(value, 'json-string', openLink));
  else if (typeof value === 'number') out.append(token(String(value), 'json-number'));
  else if (typeof value === 'boolean') out.append(token(String(value), 'json-boolean'));
  else if (Array.isArray(value)) appendArray(out, value, indent, openLink);
  else appendObject(out, value, indent, openLink);
}

function appendArray(out: HTMLElement, items: JsonValue[], indent: string, openLink: (url: string) => void): void {
  if (items.length === 0) {
    out.append(token('[]', 'json-punct'));
    return;
  }
  const inner = indent + indentUnit;
  out.append(token('[', 'json-punct'));
  items.forEach((item, index) => {
    out.append(`\n${inner}`);
    appendValue(out, item, inner, openLink);
    if (index < items.length - 1) out.append(token(',', 'json-punct'));
  });
  out.append(`\n${indent}`, token(']', 'json-punct'));
}

function appendObject(
  out: HTMLElement,
  object: { [key: string]: JsonValue },
  indent: string,
  openLink: (url: string) => void,
): void {
  const entries = Object.entries(object);
  if (entries.length === 0) {
    out.append(token('{}', 'json-punct'));
    return;
  }
  const inner = indent + indentUnit;
  out.append(token('{', 'json-punct'));
  entries.forEach(([key, item], index) => {
    out.append(`\n${inner}`, token(JSON.stringify(key), 'json-key'), token(': ', 'json-punct'));
    appendValue(out, item, inner, openLink);
    if (index < entries.length - 1) out.append(token(',', 'json-punct'));
  });
  out.append(`\n${indent}`, token('}', 'json-punct'));
}

function token(text: string, className: string): HTMLElement {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  return span;
}

/** A quoted string with its URLs linked; very long strings are cut with a "show all" button. */
export function stringToken(value: string, className: string, openLink: (url: string) => void): HTMLElement {
  const span = document.createElement('span');
  span.className = className;
  const quoted = JSON.stringify(value);
  const cut = quoted.length > longString;
  appendLinkified(span, cut ? quoted.slice(0, longString) : quoted, openLink);
  if (cut) span.append(showAll(span, quoted, openLink));
  return span;
}

/** A "show all" button that replaces a cut text with the whole of it. */
export function showAll(target: HTMLElement, whole: string, openLink: (url: string) => void): HTMLElement {
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'show-all';
  more.textContent = `… show all ${whole.length.toLocaleString()} characters`;
  more.addEventListener('click', () => {
    target.replaceChildren();
    appendLinkified(target, whole, openLink);
  });
  return more;
}
