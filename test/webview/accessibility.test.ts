import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { axeViolations, describeViolations, type AxeViolation } from './axe';
import { startHarness, type Harness } from './harness';
import { init, meetingDefinition } from './fixtures';
import { panelStates } from './panelStates';
import type { ThemeName } from './themes';

const themes: readonly ThemeName[] = ['light', 'dark', 'high-contrast', 'high-contrast-light'];
/** Serious and critical violations, and the structure rules the panel once broke (main landmark, h1, regions, unique landmarks). */
const blocks = (v: AxeViolation) => v.impact === 'serious' || v.impact === 'critical' || structureRules.has(v.rule);
const structureRules = new Set(['landmark-one-main', 'page-has-heading-one', 'region', 'landmark-unique']);
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Each panel state is set up once and checked in every theme, switched live (as VS Code does), so axe is
 * injected once per state. Every violation found is tallied in test-results/axe-summary.json, next to a
 * screenshot of each state in each theme.
 */
describe('webview accessibility: axe-core in every panel state and theme', function () {
  this.timeout(120_000);
  let harness: Harness;
  const tally: Record<string, Record<string, number>> = {};
  before(async () => {
    mkdirSync('test-results', { recursive: true });
    harness = await startHarness();
  });
  after(async () => {
    writeFileSync('test-results/axe-summary.json', `${JSON.stringify(tally, null, 2)}\n`);
    await harness?.close();
  });

  function count(theme: ThemeName, violations: readonly AxeViolation[]): void {
    const perTheme = (tally[theme] ??= {});
    for (const v of violations) perTheme[`${v.impact} ${v.rule}`] = (perTheme[`${v.impact} ${v.rule}`] ?? 0) + v.nodes.length;
  }

  for (const state of panelStates) {
    it(`${state.name}: no serious, critical or structure violation in ${themes.join(', ')}`, async () => {
      const panel = await harness.open({ theme: themes[0] });
      try {
        await state.setUp(panel);
        const failures: string[] = [];
        for (const theme of themes) {
          await panel.setTheme(theme);
          const violations = await axeViolations(panel.page);
          await panel.page.screenshot({ path: `test-results/a11y-${slug(state.name)}-${theme}.png` });
          count(theme, violations);
          const serious = violations.filter(blocks);
          if (serious.length > 0) failures.push(`${theme}:\n${describeViolations(serious)}`);
        }
        assert.deepEqual(failures, []);
        assert.deepEqual(await panel.cspViolations(), []);
        assert.deepEqual(panel.errors, []);
      } finally {
        await panel.page.close();
      }
    });
  }

  it('names the page by its stream and every text field by its own label', async () => {
    const panel = await harness.open();
    try {
      await panel.notify(init(meetingDefinition, { mtgSessionId: 'mtg-a' }));
      const heading = panel.page.getByRole('heading', { level: 1 });
      assert.equal(await heading.textContent(), 'Acme production · Daily · Meeting logs');
      assert.equal(await panel.page.getByRole('main').count(), 1);
      // The toolkit names an unlabelled field "Text field"; each must carry its own name instead.
      assert.equal(await panel.page.getByRole('textbox', { name: 'Text field' }).count(), 0);
      assert.equal(await panel.page.getByRole('textbox', { name: 'Session', exact: true }).inputValue(), 'mtg-a');
      assert.equal(await panel.page.getByRole('combobox', { name: 'Query over loaded rows' }).count(), 1);
      const field = panel.page.locator('.session-picker vscode-text-field').first();
      const label = await field.evaluate((element) => element.shadowRoot!.querySelector('label')!.getBoundingClientRect().width);
      assert.ok(label <= 1, `the toolkit's label stays visually hidden (${label} px wide)`);
    } finally {
      await panel.page.close();
    }
  });
});
