/**
 * An accessibility scan with axe of the page as it is shown now: no serious or
 * critical violations. Every spec calls it on each page it visits; the full
 * results are attached to the test report.
 */
import AxeBuilder from "@axe-core/playwright";
import { type Page, test } from "@playwright/test";
import { expect } from "../fixtures";

export interface A11yOptions {
  /** CSS selectors left out of the scan, each with a reason in the caller. */
  exclude?: string[];
}

export async function expectAccessible(page: Page, what: string, opts: A11yOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]);
  for (const sel of opts.exclude ?? []) builder = builder.exclude(sel);
  const results = await builder.analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  await test.info().attach(`axe ${what}`, {
    body: JSON.stringify({ url: page.url(), violations: results.violations }, null, 2),
    contentType: "application/json",
  });
  const described = bad.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} — ${v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `${n.target.join(" ")} ${n.html.slice(0, 160)} [${(n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 200)}]`,
        )
        .join(", ")}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ""}`,
  );
  // Soft: the spec goes on, so one run lists every page's problems; the test still fails.
  expect.soft(described, `${what} (${page.url()}): no serious or critical accessibility violations`).toEqual([]);
}
