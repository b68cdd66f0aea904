const urlPattern = /\bhttps?:\/\/[^\s"'<>`]+/g;

/** Only http and https links are ever clickable; anything else (javascript:, data:, file:) stays text. */
export function isSafeLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Appends `text` to `parent` as text nodes, with each http(s) URL as a link that asks the host to open it
 * (the host confirms with the user). Nothing here is parsed as markup.
 */
export function appendLinkified(parent: HTMLElement, text: string, openLink: (url: string) => void): void {
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const url = match[0].replace(/[.,;:!?)\]}]+$/, '');
    const start = match.index ?? 0;
    if (!isSafeLink(url)) continue;
    if (start > last) parent.append(document.createTextNode(text.slice(last, start)));
    parent.append(linkElement(url, openLink));
    last = start + url.length;
  }
  if (last < text.length) parent.append(document.createTextNode(text.slice(last)));
}

function linkElement(url: string, openLink: (url: string) => void): HTMLElement {
  const link = document.createElement('a');
  link.className = 'link';
  link.href = url;
  link.textContent = url;
  link.title = `Open ${url}`;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    openLink(url);
  });
  return link;
}
