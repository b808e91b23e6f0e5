/**
 * Team game days for the specs that need one: a browser per person, the
 * facilitator's game-days page (schedule a game day for Blue Team on a level,
 * start it, end it) and a player joining it from their home page.
 */
import { type Browser, type BrowserContext, type Page } from "@playwright/test";
import { apiSignIn, expect } from "./fixtures";

/** A browser context of its own, signed in as `email`. */
export async function signedIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await apiSignIn(page.request, email);
  return { context, page };
}

export class GameDaysPage {
  constructor(
    readonly page: Page,
    readonly title: string,
  ) {}
  /** The game day's row in the list. */
  readonly row = () => this.page.locator(`tr[data-title="${this.title}"]`);

  /** Fills in the form for Blue Team, now, on `levelId`, and submits it. */
  async schedule(levelId: string): Promise<void> {
    await this.page.goto("/facilitate/game-days");
    await this.page.getByLabel("Title").fill(this.title);
    const team = this.page.getByLabel("Team");
    const blue = await team.locator("option", { hasText: "Blue Team" }).getAttribute("value");
    await team.selectOption(blue ?? "");
    await this.page.getByLabel("Level").selectOption(levelId);
    await expect(this.page.getByTestId("game-day-start")).not.toHaveValue("");
    await this.page.getByRole("button", { name: "Schedule game day" }).click();
  }

  /** Starts the scheduled game day (unless the 15 s timer already has) and returns its room's path. */
  async startAndFindRoom(): Promise<string> {
    await expect(this.row()).toBeVisible();
    const startNow = this.row().getByRole("button", { name: `Start ${this.title} now` });
    if (await startNow.isVisible()) await startNow.click().catch(() => undefined);
    const openRoom = this.row().getByRole("link", { name: "Open room" });
    await expect(openRoom).toBeVisible({ timeout: 60_000 });
    return (await openRoom.getAttribute("href"))!;
  }

  /** Ends the game day if it is still on, so later specs find the players without an open incident. */
  async endIfRunning(): Promise<void> {
    await this.page.goto("/facilitate/game-days").catch(() => undefined);
    const end = this.row().getByRole("button", { name: `End ${this.title}` });
    if (await end.isVisible().catch(() => false)) {
      await end.click();
      await expect(this.row()).toHaveAttribute("data-status", "ENDED", { timeout: 60_000 });
    }
  }
}

/** A team member joins the running game day from their home page and lands in its room. */
export async function joinFromHome(page: Page, roomUrl: string): Promise<void> {
  await page.goto("/play");
  const join = page.getByTestId("join-game-day");
  await expect(join).toBeVisible({ timeout: 30_000 });
  await join.click();
  await expect(page).toHaveURL(roomUrl);
}
