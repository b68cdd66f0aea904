import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface MenuItem {
  readonly command: string;
  readonly when: string;
  readonly group?: string;
}

const menus = (JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as { contributes: { menus: Record<string, MenuItem[]> } }).contributes.menus;

/** Whether a tree item's `when` clause holds for a node with this contextValue (the forms the manifest uses). */
function shownFor(when: string, contextValue: string, hasWatches: boolean): boolean {
  return when
    .split(' && ')
    .map((clause) => clause.replace(/^\(|\)$/g, ''))
    .every((clause) =>
      clause.split(' || ').some((part) => {
        if (part === 'view == apiLogs.explorer') return true;
        if (part === 'apiLogs.hasWatches') return hasWatches;
        if (part === 'listMultiSelection') return false;
        const equal = /^viewItem == '?([^']+)'?$/.exec(part);
        if (equal) return contextValue === equal[1];
        const regex = /^viewItem =~ \/(.+)\/$/.exec(part);
        if (regex) return new RegExp(regex[1]).test(contextValue);
        return false;
      }),
    );
}

function commandsFor(contextValue: string, inline: boolean, hasWatches: boolean): string[] {
  return menus['view/item/context']
    .filter((item) => (item.group?.startsWith('inline') ?? false) === inline && shownFor(item.when, contextValue, hasWatches))
    .map((item) => item.command);
}

describe('Watch for Errors in the tree', () => {
  it('is an inline action of stream nodes and of saved views of both kinds', () => {
    for (const node of ['stream', 'savedView;account', 'savedView;workspace']) assert.ok(commandsFor(node, true, false).includes('apiLogs.watchForErrors'), node);
    assert.ok(!commandsFor('account', true, false).includes('apiLogs.watchForErrors'));
  });

  it('has Watch and, while something is watched, Stop Watching in those nodes\' context menus', () => {
    for (const node of ['stream', 'savedView;account', 'savedView;workspace']) {
      assert.deepEqual(commandsFor(node, false, true).filter((command) => command.includes('atch')), ['apiLogs.watchForErrors', 'apiLogs.stopWatching'], node);
      assert.ok(!commandsFor(node, false, false).includes('apiLogs.stopWatching'), node);
    }
  });
});
