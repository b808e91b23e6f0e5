/**
 * The incident room as a page object, for every spec that plays or watches an
 * incident: its shells (open, type, read), its panels, the team's roles bar,
 * the channel and the success-rate chart.
 */
import { type Page } from "@playwright/test";
import { expect } from "./fixtures";

export class IncidentRoom {
  /** `shellTimeout`: how long a shell may take to connect (longer when several browsers start at once). */
  constructor(
    readonly page: Page,
    private readonly opts: { shellTimeout?: number } = {},
  ) {}
  readonly root = () => this.page.getByTestId("incident-room");
  terminal(instance: string) {
    return this.page.getByTestId(`terminal-${instance}`);
  }
  async openShell(instance: string): Promise<void> {
    await this.page.getByRole("tablist", { name: "Shells" }).getByRole("tab", { name: instance, exact: true }).click();
    await expect(this.terminal(instance)).toHaveAttribute("data-status", "connected", {
      timeout: this.opts.shellTimeout ?? 30_000,
    });
  }
  /** Types a line into the shell, as a person would, and presses Enter. */
  async type(instance: string, line: string): Promise<void> {
    await this.terminal(instance).locator(".xterm-screen").click();
    await this.page.keyboard.type(line, { delay: 2 });
    await this.page.keyboard.press("Enter");
  }
  output(instance: string) {
    return this.terminal(instance).locator(".xterm-rows");
  }
  async expectOutput(instance: string, text: string | RegExp, timeout = 30_000): Promise<void> {
    await expect(this.output(instance)).toContainText(text, { timeout });
  }
  async successRate(): Promise<number | null> {
    const v = await this.page.getByTestId("sli-chart").getAttribute("data-success-rate");
    return v ? Number(v) : null;
  }
  async tab(name: string): Promise<void> {
    await this.page
      .getByRole("tablist", { name: "Panels" })
      .getByRole("tab", { name: new RegExp(`^${name}`) })
      .click();
  }
  /** A member's entry in the roles bar (team play). */
  member(name: string) {
    return this.page.getByTestId("roles-bar").locator("li", { hasText: name });
  }
  channel() {
    return this.page.getByTestId("channel");
  }
}
