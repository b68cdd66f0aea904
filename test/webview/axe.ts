/**
 * axe-core in the webview harness. Its source is evaluated through the DevTools protocol (`page.evaluate`), which
 * the page's CSP does not govern, so the panel is checked under the host's real, unweakened policy.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeViolation {
  readonly rule: string;
  readonly impact: Impact;
  readonly help: string;
  /** CSS selector paths of the failing nodes (through shadow roots), with axe's one-line reason for each. */
  readonly nodes: readonly { readonly target: string; readonly summary: string }[];
}

/** Runs every axe rule of the default set (WCAG 2.x A/AA and best practices) over the whole page. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axeSource}\n;0`);
  return page.evaluate(async () => {
    type Axe = typeof import('axe-core');
    const axe = (window as unknown as { axe: Axe }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: (violation.impact ?? 'minor') as Impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: JSON.stringify(node.target), summary: node.failureSummary ?? '' })),
    }));
  });
}

/** One line per violation and failing node, for an assertion message. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.rule} (${v.help}), ${v.nodes.length} nodes:\n${v.nodes.map((n) => `    ${n.target}: ${n.summary.replace(/\s+/g, ' ')}`).join('\n')}`)
    .join('\n');
}
