/**
 * "Can a person use this form?", asked of the rendered page rather than the
 * DOM: every shown form field is on screen, wide enough to read and type in,
 * and not cut off by a container; every tab strip shows all its tabs or
 * scrolls with a visible scrollbar. Checked at the sizes people really use.
 */
import { type Page, test } from "@playwright/test";
import { expect } from "../fixtures";

export const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

export interface UsableOptions {
  /** Only fields inside this CSS selector (default: the whole page). */
  within?: string;
  /** At least this many fields must be shown, so a page that lost its form cannot pass. */
  minFields?: number;
  /** Minimum width in px of a text input, textarea or select (number, date and time inputs: half). */
  minWidth?: number;
}

/** Inputs no person types into directly: xterm's off-screen keyboard catcher. */
const NOT_FIELDS = ".xterm-helper-textarea";

/** What is wrong with the page as shown now, one line per problem (empty when usable). */
export async function usabilityProblems(
  page: Page,
  opts: UsableOptions = {},
): Promise<{
  problems: string[];
  fields: number;
}> {
  return page.evaluate(
    ({ within, minWidth, notFields }) => {
      const problems: string[] = [];
      const root = within ? document.querySelector(within) : document.body;
      if (!root) return { problems: [`nothing matches ${within}`], fields: 0 };
      const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
      const name = (el: Element) => {
        const h = el as HTMLInputElement;
        const label =
          h.getAttribute("aria-label") ??
          (h.id ? document.querySelector(`label[for="${CSS.escape(h.id)}"]`)?.textContent?.trim() : null) ??
          h.closest("label")?.textContent?.trim() ??
          h.name ??
          h.id;
        return `${el.tagName.toLowerCase()} "${label || "(unnamed)"}"`;
      };
      const vw = document.documentElement.clientWidth;
      // Is `r` cut off by an ancestor that clips (overflow hidden/clip), or would a person
      // have to scroll an inner box sideways to reach it?
      const clippedBy = (el: Element, r: DOMRect): string | null => {
        for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
          const s = getComputedStyle(a);
          const ar = a.getBoundingClientRect();
          const clipX = s.overflowX !== "visible";
          const clipY = s.overflowY === "hidden" || s.overflowY === "clip";
          const left = ar.left + a.clientLeft;
          if (clipX && (r.left < left - 1 || r.right > left + a.clientWidth + 1))
            return [a.tagName.toLowerCase(), ...[...a.classList].slice(0, 3)].join(".");
          if (clipY && (r.top < ar.top - 1 || r.bottom > ar.top + a.clientTop + a.clientHeight + 1))
            return [a.tagName.toLowerCase(), ...[...a.classList].slice(0, 3)].join(".");
        }
        return null;
      };

      const fields = [...root.querySelectorAll("input, textarea, select")].filter((el) => {
        const t = (el as HTMLInputElement).type;
        return (
          !["hidden", "checkbox", "radio", "submit", "button", "file"].includes(t) &&
          !el.matches(notFields) &&
          shown(el)
        );
      });
      for (const el of fields) {
        const r = el.getBoundingClientRect();
        const t = (el as HTMLInputElement).type;
        const narrowOk = ["number", "date", "time", "datetime-local", "color"].includes(t);
        const need = narrowOk ? Math.round(minWidth / 2) : minWidth;
        if (r.width < need) problems.push(`${name(el)} is ${Math.round(r.width)} px wide (needs ${need})`);
        if (r.height < 20) problems.push(`${name(el)} is ${Math.round(r.height)} px high`);
        if (r.left < -1 || r.right > vw + 1)
          problems.push(`${name(el)} runs off the page (${Math.round(r.left)}–${Math.round(r.right)} of ${vw})`);
        const by = clippedBy(el, r);
        if (by) problems.push(`${name(el)} is cut off by ${by}`);
      }

      for (const list of root.querySelectorAll('[role="tablist"]')) {
        if (!shown(list)) continue;
        const lr = list.getBoundingClientRect();
        const s = getComputedStyle(list);
        const label = list.getAttribute("aria-label") ?? "tabs";
        const scrolls = (s.overflowX === "auto" || s.overflowX === "scroll") && list.scrollWidth > list.clientWidth + 1;
        if (scrolls) {
          // A strip may scroll, but then people must be able to see that it does.
          const bar = (list as HTMLElement).offsetHeight - list.clientHeight - list.clientTop * 2;
          if (bar < 4) problems.push(`tab strip "${label}" scrolls without a visible scrollbar`);
        }
        for (const tab of list.querySelectorAll('[role="tab"]')) {
          if (!shown(tab)) continue;
          const r = tab.getBoundingClientRect();
          const text = tab.textContent?.trim() ?? "";
          if (!scrolls && (r.left < lr.left - 1 || r.right > lr.right + 1))
            problems.push(
              `tab "${text}" of "${label}" is cut off (${Math.round(r.left)}–${Math.round(r.right)}, strip ${Math.round(lr.left)}–${Math.round(lr.right)})`,
            );
          if (r.right > vw + 1) problems.push(`tab "${text}" of "${label}" is off the page`);
          if (!scrolls) {
            const by = clippedBy(tab, r);
            if (by) problems.push(`tab "${text}" of "${label}" is cut off by ${by}`);
          }
        }
      }
      return { problems, fields: fields.length };
    },
    { within: opts.within ?? null, minWidth: opts.minWidth ?? 120, notFields: NOT_FIELDS },
  );
}

/** Asserts the page is usable at 1280×720 and 1440×900, then restores the viewport. */
export async function expectUsable(page: Page, what: string, opts: UsableOptions = {}): Promise<void> {
  const before = page.viewportSize();
  try {
    for (const size of VIEWPORTS) {
      await page.setViewportSize(size);
      // Let layout and any resize observers settle.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const { problems, fields } = await usabilityProblems(page, opts);
      const at = `${what} at ${size.width}×${size.height}`;
      expect.soft(problems, `${at}: every field and tab usable`).toEqual([]);
      expect(fields, `${at}: fields shown`).toBeGreaterThanOrEqual(opts.minFields ?? 0);
      test.info().annotations.push({ type: "usable", description: `${at}: ${fields} fields` });
    }
  } finally {
    if (before) await page.setViewportSize(before);
  }
}
