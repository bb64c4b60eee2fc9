import { AxeBuilder } from '@axe-core/playwright';
import { Page } from 'playwright-core';

// axe-core on the page as it is now: every serious or critical violation, one line per element
// (rule id, impact, target, help).
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact}) at ${JSON.stringify(n.target)}: ${v.help} — ${v.helpUrl}`,
      ),
    );
}

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length > 0)
    throw new Error(
      `axe-core: ${violations.length} serious/critical on ${screen}:\n  ${violations.join('\n  ')}`,
    );
}
