/**
 * axe-core (node_modules/axe-core/axe.min.js, injected into the page) over the whole page, for
 * the e2e suites. Findings inside Fluent's TabList or its focus-trap helpers (tabster's dummy
 * inputs) are marked as the library's: the suites assert that none is ours.
 */
import type { Page } from "playwright-core";

const AXE = require.resolve("axe-core/axe.min.js");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

type AxeWindow = Window & {
  axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> };
};

export interface Finding {
  state: string;
  width: number;
  id: string;
  impact: string | null;
  help: string;
  target: string;
  html: string;
  library: boolean;
}

/** The findings of the page as it is now, each tagged with `state` and the viewport's width. */
export async function axeFindings(page: Page, state: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  // Colours are measured once Fluent's motions (a dialog's fade-in…) have ended.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState === "finished" || a.playState === "idle")
  );
  const width = page.viewportSize()?.width ?? 0;
  const violations = await page.evaluate(async () => {
    const w = window as unknown as AxeWindow;
    // Also the experimental "label in name" rule: a button's accessible name starts with its visible text.
    const r = await w.axe.run(document, {
      resultTypes: ["violations"],
      rules: { "label-content-name-mismatch": { enabled: true } },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => {
        const el = document.querySelector(n.target.join(" "));
        const library = !!el?.closest('[role="tablist"]') || !!el?.hasAttribute("data-tabster-dummy");
        return { target: n.target.join(" "), html: n.html.slice(0, 160), library };
      }),
    }));
  });
  return violations.flatMap((v) =>
    v.nodes.map((n) => ({ state, width, id: v.id, impact: v.impact, help: v.help, ...n }))
  );
}

/** One line per distinct finding (rule and element), naming the first state it was met in. */
export function summarizeFindings(list: readonly Finding[]): string[] {
  const first = new Map<string, Finding>();
  for (const f of list) if (!first.has(`${f.id} ${f.target}`)) first.set(`${f.id} ${f.target}`, f);
  return [...first.values()].map(
    (f) => `${f.id} (${f.impact}) ${f.target}: ${f.help} — first in "${f.state}" at ${f.width} px`
  );
}
