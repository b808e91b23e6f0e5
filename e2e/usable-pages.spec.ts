/**
 * What people see on the pages that need no incident: the admin pages, the
 * sign-in page and the player's home, at 1280×720 and 1440×900, with an axe
 * scan of each. First, the usability check itself is shown to fail on the
 * postmortem timeline row that once squeezed its entry text to 25 px.
 */
import { expect, test } from "./fixtures";
import { expectAccessible } from "./support/a11y";
import { expectUsable, usabilityProblems } from "./support/usable";

test("the usability check catches a squeezed field, a clipped tab and a hidden scrollbar", async ({ page }) => {
  // The old postmortem timeline row: both inputs kept `w-full`, and the time one would not shrink.
  await page.setContent(`
    <ol style="width:700px"><li style="display:flex;gap:8px">
      <input aria-label="Time of entry 1" style="display:block;width:100%;flex-shrink:0" value="2026-12-01 00:00:00">
      <input aria-label="Entry 1" style="display:block;width:100%;min-width:0" value="Incident began">
    </li></ol>
    <div role="tablist" aria-label="Panels" style="display:flex;width:200px;overflow:hidden">
      ${["Brief", "Channel (2)", "Report", "Hints", "Logs", "Code"].map((t) => `<button role="tab" style="white-space:nowrap">${t}</button>`).join("")}
    </div>
    <div role="tablist" aria-label="Hidden bar" style="display:flex;width:200px;overflow-x:auto;scrollbar-width:none">
      ${["Brief", "Channel (2)", "Report", "Hints", "Logs", "Code"].map((t) => `<button role="tab" style="white-space:nowrap">${t}</button>`).join("")}
    </div>`);
  const { problems } = await usabilityProblems(page);
  expect(problems.join("\n")).toMatch(/input "Entry 1" is \d+ px wide/);
  expect(problems.join("\n")).toMatch(/tab "Code" of "Panels" is cut off/);
  expect(problems.join("\n")).toMatch(/tab strip "Hidden bar" scrolls without a visible scrollbar/);

  // The fixed row passes.
  await page.setContent(`
    <ol style="width:700px"><li style="display:flex;gap:8px">
      <input aria-label="Time of entry 1" style="display:block;width:176px;flex-shrink:0" value="2026-12-01 00:00:00">
      <input aria-label="Entry 1" style="display:block;flex:1;min-width:0" value="Incident began">
    </li></ol>`);
  expect((await usabilityProblems(page)).problems).toEqual([]);
});

test("sign-in and the player's home are usable and accessible", async ({ page, signInAs }) => {
  await page.goto("/signin");
  await expectUsable(page, "sign-in", { minFields: 2 });
  await expectAccessible(page, "sign-in");
  await signInAs("PLAYER");
  await page.goto("/play");
  await expectAccessible(page, "player home");
  await expectUsable(page, "player home");
});

test("every admin page's forms are usable and accessible", async ({ page, signInAs }) => {
  await signInAs("ADMIN");
  await page.goto("/admin");
  await expectUsable(page, "admin overview");
  await expectAccessible(page, "admin overview");
  await page.goto("/admin/users");
  await expectUsable(page, "admin users", { minFields: 3 });
  await expectAccessible(page, "admin users");
  await page.goto("/admin/teams");
  await expectUsable(page, "admin teams", { minFields: 1 });
  await expectAccessible(page, "admin teams");
  await page.goto("/admin/pools");
  await expectUsable(page, "admin pools");
  await expectAccessible(page, "admin pools");
  await page.screenshot({ path: test.info().outputPath("admin-pools.png"), fullPage: true });
  await page.goto("/admin/users");
  const someone = page.locator('a[href^="/admin/users/"]').first();
  await someone.click();
  await expect(page).toHaveURL(/\/admin\/users\/[^/]+$/);
  await expectUsable(page, "admin user", { minFields: 1 });
  await expectAccessible(page, "admin user");
  await page.screenshot({ path: test.info().outputPath("admin-user.png"), fullPage: true });
});

test("every facilitator and lead page is usable and accessible", async ({ page, signInAs }) => {
  await signInAs("FACILITATOR");
  for (const [path, what, minFields] of [
    ["/facilitate", "facilitator home", 0],
    ["/facilitate/board", "live board", 0],
    ["/facilitate/review", "review queue", 1],
    ["/facilitate/game-days", "game days", 2],
    ["/assignments", "assignments", 3],
  ] as const) {
    await page.goto(path);
    await expectUsable(page, what, { minFields });
    await expectAccessible(page, what);
    await page.screenshot({ path: test.info().outputPath(`${path.slice(1).replace(/\//g, "-")}.png`), fullPage: true });
  }
  await page.goto("/assignments");
  const person = page.locator('a[href^="/people/"]').first();
  if (await person.count()) {
    await person.click();
    await expect(page).toHaveURL(/\/people\/[^/]+$/);
    await expectUsable(page, "a person's page");
    await expectAccessible(page, "a person's page");
  }
  await signInAs("LEAD");
  await page.goto("/lead");
  await expectUsable(page, "readiness", { minFields: 2 });
  await expectAccessible(page, "readiness");
  await page.screenshot({ path: test.info().outputPath("lead.png"), fullPage: true });
});
