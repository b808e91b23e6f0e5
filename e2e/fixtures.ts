/**
 * Shared end-to-end fixtures: the demo accounts, a sign-in page object for the
 * UI flow, and `signInAs`, which signs a browser context in through next-auth's
 * API (fast, for tests that are not about signing in).
 */
import { type APIRequestContext, type Page, test as base, expect } from "@playwright/test";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "firedrill-e2e-demo-password";

export const DEMO = {
  ADMIN: { email: "admin@firedrill.local", name: "Ada Admin", home: "/admin" },
  FACILITATOR: { email: "facilitator@firedrill.local", name: "Fran Facilitator", home: "/facilitate" },
  LEAD: { email: "lead@firedrill.local", name: "Lee Lead", home: "/lead" },
  PLAYER: { email: "player@firedrill.local", name: "Pat Player", home: "/play" },
  PLAYER2: { email: "player2@firedrill.local", name: "Sam Player", home: "/play" },
} as const;
export type DemoRole = keyof typeof DEMO;

export class SignInPage {
  constructor(readonly page: Page) {}

  readonly email = () => this.page.getByLabel("Email");
  readonly password = () => this.page.getByLabel("Password");
  readonly message = () => this.page.locator("#signin-message");

  async goto(): Promise<void> {
    await this.page.goto("/signin");
    await expect(this.page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email().fill(email);
    await this.password().fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }
}

/** Signs the request context (and so its browser context) in, as next-auth's own client does. */
export async function apiSignIn(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email, password, json: "true" },
  });
  const body = (await res.json()) as { url?: string };
  expect(body.url ?? "", `sign-in as ${email}`).not.toContain("error=");
  const me = await request.get("/api/me");
  expect(me.status(), `signed in as ${email}`).toBe(200);
}

export const test = base.extend<{ signInAs: (who: DemoRole | { email: string; password: string }) => Promise<void> }>({
  signInAs: async ({ page }, use) => {
    await use(async (who) => {
      const { email, password } = typeof who === "string" ? { email: DEMO[who].email, password: DEMO_PASSWORD } : who;
      await apiSignIn(page.request, email, password);
    });
  },
});

export { expect };
