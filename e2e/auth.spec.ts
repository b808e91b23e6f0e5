import { DEMO, DEMO_PASSWORD, type DemoRole, SignInPage, apiSignIn, expect, test } from "./fixtures";

const ROLE_LABEL: Record<DemoRole, string> = {
  ADMIN: "Admin",
  FACILITATOR: "Facilitator",
  LEAD: "Lead",
  PLAYER: "Player",
  PLAYER2: "Player",
};

test.describe("signing in", () => {
  for (const role of ["PLAYER", "FACILITATOR", "LEAD", "ADMIN"] as const) {
    test(`${role.toLowerCase()} signs in and lands on their home`, async ({ page }) => {
      const signin = new SignInPage(page);
      await signin.goto();
      await signin.signIn(DEMO[role].email, DEMO_PASSWORD);
      await expect(page).toHaveURL(DEMO[role].home);
      await expect(page.getByTestId("nav-user")).toHaveText(DEMO[role].name);
      await expect(page.getByTestId("nav-role")).toHaveText(ROLE_LABEL[role]);
      // "/" also sends them home.
      await page.goto("/");
      await expect(page).toHaveURL(DEMO[role].home);
    });
  }

  test("a wrong password shows a clear error, keeps the email and clears the password", async ({ page }) => {
    const signin = new SignInPage(page);
    await signin.goto();
    await signin.signIn(DEMO.PLAYER2.email, "not-the-password");
    await expect(signin.message()).toHaveText("Wrong email or password.");
    await expect(signin.message()).toHaveAttribute("aria-live", "polite");
    await expect(signin.email()).toHaveValue(DEMO.PLAYER2.email);
    await expect(signin.password()).toHaveValue("");
    await expect(signin.password()).toBeFocused();
    await expect(page).toHaveURL(/\/signin/);
    // The right password then works.
    await signin.signIn(DEMO.PLAYER2.email, DEMO_PASSWORD);
    await expect(page).toHaveURL("/play");
  });

  test("signed out, every page sends you to sign in", async ({ page }) => {
    for (const path of ["/", "/play", "/facilitate", "/lead", "/admin", "/admin/users"]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/signin$/);
    }
  });

  test("signing out ends the session", async ({ page, signInAs }) => {
    await signInAs("LEAD");
    await page.goto("/lead");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/lead");
    await expect(page).toHaveURL(/\/signin$/);
  });
});

test.describe("authorisation", () => {
  test("a player who types /facilitate gets the 403 page", async ({ page, signInAs }) => {
    await signInAs("PLAYER");
    const res = await page.goto("/facilitate");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("403 — you don't have access to this page");
    await page.getByRole("link", { name: "Go to my home" }).click();
    await expect(page).toHaveURL("/play");
  });

  test("a facilitator cannot open admin pages or admin APIs", async ({ page, signInAs }) => {
    await signInAs("FACILITATOR");
    expect((await page.goto("/admin/users"))?.status()).toBe(403);
    expect((await page.request.get("/api/admin/users")).status()).toBe(403);
    expect((await page.request.get("/api/me")).status()).toBe(200);
  });
});

test.describe("admin", () => {
  test("an admin revokes a session and that browser is sent to sign in on its next navigation", async ({
    page,
    browser,
    signInAs,
  }) => {
    await signInAs("ADMIN");
    // A fresh person, so the session to revoke is unambiguous.
    const stamp = Date.now().toString(36);
    const email = `revoke-${stamp}@firedrill.local`;
    const name = `Rita Revoked ${stamp}`;
    await page.goto("/admin/users");
    const create = page.locator("#create");
    await create.getByLabel("Name").fill(name);
    await create.getByLabel("Email").fill(email);
    await create.getByLabel("Password").fill("rita-password-1");
    await create.getByRole("button", { name: "Create account" }).click();
    await expect(create.getByRole("status")).toContainText(`Created ${name} (${email})`);

    const theirs = await browser.newContext();
    const theirPage = await theirs.newPage();
    await apiSignIn(theirPage.request, email, "rita-password-1");
    await theirPage.goto("/");
    await expect(theirPage).toHaveURL("/play");

    await page.goto("/admin/users");
    await page.getByRole("link", { name: `Manage ${name}` }).click();
    const sessions = page.getByRole("table", { name: "Sessions" });
    await expect(sessions.getByRole("row")).toHaveCount(2); // header + one session
    await sessions.getByRole("button", { name: /^Revoke session/ }).click();
    // The row flips to revoked (its button goes away with it).
    await expect(sessions.getByText("revoked", { exact: true })).toBeVisible();
    await expect(sessions.getByRole("button", { name: /^Revoke session/ })).toHaveCount(0);

    await theirPage.goto("/play");
    await expect(theirPage).toHaveURL(/\/signin$/);
    expect((await theirPage.request.get("/api/me")).status()).toBe(401);
    await theirs.close();
  });

  test("an invite link lets someone choose their name and password, once", async ({ page, browser, signInAs }) => {
    await signInAs("ADMIN");
    const email = `invitee-${Date.now()}@firedrill.local`;
    await page.goto("/admin/users");
    const invite = page.locator("#invite");
    await invite.getByLabel("Email").fill(email);
    await invite.getByLabel("Role").selectOption("LEAD");
    await invite.getByRole("button", { name: "Create invite link" }).click();
    const link = await invite.getByLabel(/Invite link/).inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);

    const theirs = await browser.newContext();
    const theirPage = await theirs.newPage();
    await theirPage.goto(new URL(link).pathname);
    await expect(theirPage.getByRole("heading", { name: "Join Firedrill" })).toBeVisible();
    await theirPage.getByLabel("Your name").fill("Ivy Invitee");
    await theirPage.getByLabel("Password", { exact: true }).fill("short");
    await theirPage.getByLabel("Repeat password").fill("short");
    await theirPage.getByRole("button", { name: "Create my account" }).click();
    await expect(theirPage.getByText("Use at least 10 characters")).toBeVisible();
    await expect(theirPage.getByLabel("Your name")).toHaveValue("Ivy Invitee");

    await theirPage.getByLabel("Password", { exact: true }).fill("ivy-password-1");
    await theirPage.getByLabel("Repeat password").fill("ivy-password-1");
    await theirPage.getByRole("button", { name: "Create my account" }).click();
    await expect(theirPage).toHaveURL(/\/signin\?welcome=1/);
    const signin = new SignInPage(theirPage);
    await expect(signin.email()).toHaveValue(email);
    await signin.password().fill("ivy-password-1");
    await theirPage.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(theirPage).toHaveURL("/lead");

    await theirPage.goto(new URL(link).pathname);
    await expect(theirPage.getByRole("heading", { name: "This invite was already used" })).toBeVisible();
    await theirs.close();
  });

  test("a form with an error keeps what was typed", async ({ page, signInAs }) => {
    await signInAs("ADMIN");
    await page.goto("/admin/users");
    const create = page.locator("#create");
    await create.getByLabel("Name").fill("Duplicate Dora");
    await create.getByLabel("Email").fill(DEMO.PLAYER.email);
    await create.getByLabel("Role").selectOption("FACILITATOR");
    await create.getByLabel("Password").fill("dora-password-1");
    await create.getByRole("button", { name: "Create account" }).click();
    await expect(create.getByRole("status").first()).toContainText("Someone already has that email.");
    await expect(create.getByText("Already in use")).toBeVisible();
    await expect(create.getByLabel("Name")).toHaveValue("Duplicate Dora");
    await expect(create.getByLabel("Email")).toHaveValue(DEMO.PLAYER.email);
    await expect(create.getByLabel("Role")).toHaveValue("FACILITATOR");
  });
});
