import { button } from '../controls/toolkit';

export interface MenuItem {
  readonly label: string;
  /** Present for check items (column visibility). */
  readonly checked?: boolean;
  readonly disabled?: boolean;
  run(): void;
}

/**
 * A button that opens a small menu (role=menu) built from `items()` each time it opens. Arrow keys move between
 * items; Escape, a choice or a click elsewhere closes it.
 */
export function popupMenu(label: string, items: () => readonly MenuItem[]): HTMLElement {
  const box = document.createElement('div');
  box.className = 'popup';
  const menu = document.createElement('div');
  menu.className = 'popup-menu';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', label);
  menu.hidden = true;
  const close = () => {
    menu.hidden = true;
    trigger.setAttribute('aria-expanded', 'false');
  };
  const trigger = button(`${label} ▾`, 'secondary', () => (menu.hidden ? open() : close()));
  trigger.setAttribute('aria-haspopup', 'menu');
  trigger.setAttribute('aria-expanded', 'false');
  const open = () => {
    menu.replaceChildren(...items().map((item) => menuItem(item, close)));
    menu.hidden = false;
    keepInView(menu);
    trigger.setAttribute('aria-expanded', 'true');
    menu.querySelector<HTMLElement>('button:not([disabled])')?.focus();
  };
  menu.addEventListener('keydown', (event) => onMenuKey(event, menu, () => (close(), trigger.focus())));
  document.addEventListener('pointerdown', (event) => {
    if (!menu.hidden && !box.contains(event.target as Node)) close();
  });
  box.append(trigger, menu);
  return box;
}

/**
 * The menu hangs from its trigger's right edge; a trigger near the left edge (a wrapped toolbar) would push it out of
 * the page, where nobody can reach it, so it then hangs from the left edge, and opens upwards when there is no room
 * below. Reset first: the trigger may have moved since the last time.
 */
function keepInView(menu: HTMLElement): void {
  menu.style.removeProperty('left');
  menu.style.removeProperty('right');
  menu.style.removeProperty('top');
  menu.style.removeProperty('bottom');
  const box = menu.getBoundingClientRect();
  if (box.left < 0) {
    menu.style.left = '0';
    menu.style.right = 'auto';
  }
  if (box.bottom > window.innerHeight && box.top - box.height > 0) {
    menu.style.top = 'auto';
    menu.style.bottom = 'calc(100% + 2px)';
  }
}

/**
 * A menu at a point (a cell's context menu): focus moves into it, and Escape, a choice or a click elsewhere
 * closes it and gives focus back to `returnFocus`.
 */
export function openContextMenu(label: string, items: readonly MenuItem[], at: { readonly x: number; readonly y: number }, returnFocus: HTMLElement): void {
  document.querySelector('.context-menu')?.remove();
  const menu = document.createElement('div');
  menu.className = 'popup-menu context-menu';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', label);
  const close = () => {
    menu.remove();
    document.removeEventListener('pointerdown', outside);
    returnFocus.focus({ preventScroll: true });
  };
  const outside = (event: PointerEvent) => {
    if (!menu.contains(event.target as Node)) close();
  };
  menu.append(...items.map((item) => menuItem(item, close)));
  menu.addEventListener('keydown', (event) => onMenuKey(event, menu, close));
  document.addEventListener('pointerdown', outside);
  document.body.append(menu);
  menu.style.left = `${Math.min(at.x, window.innerWidth - menu.offsetWidth - 4)}px`;
  menu.style.top = `${Math.min(at.y, window.innerHeight - menu.offsetHeight - 4)}px`;
  menu.querySelector<HTMLElement>('button:not([disabled])')?.focus();
}

function menuItem(item: MenuItem, close: () => void): HTMLElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'popup-item';
  element.setAttribute('role', item.checked === undefined ? 'menuitem' : 'menuitemcheckbox');
  if (item.checked !== undefined) element.setAttribute('aria-checked', String(item.checked));
  element.disabled = item.disabled === true;
  element.textContent = (item.checked === undefined ? '' : item.checked ? '✓ ' : '\u2003') + item.label;
  element.addEventListener('click', () => {
    item.run();
    if (item.checked === undefined) close();
    else {
      const checked = element.getAttribute('aria-checked') !== 'true';
      element.setAttribute('aria-checked', String(checked));
      element.textContent = (checked ? '✓ ' : '\u2003') + item.label;
    }
  });
  return element;
}

function onMenuKey(event: KeyboardEvent, menu: HTMLElement, close: () => void): void {
  const items = [...menu.querySelectorAll<HTMLElement>('button:not([disabled])')];
  const index = items.indexOf(document.activeElement as HTMLElement);
  if (event.key === 'Escape') close();
  else if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
  else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
  else return;
  event.preventDefault();
  event.stopPropagation();
}
