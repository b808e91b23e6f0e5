/**
 * A team game day end to end, in three browsers against a real level: the
 * facilitator schedules one for Blue Team (now, "Uploads that vanish") and
 * starts it; both players join from their home page; one's typing shows in
 * the other's shared terminal and in the facilitator's read-only view (where
 * the facilitator's own typing changes nothing); a player takes command and
 * everyone sees it; chat reaches everyone; the facilitator's stakeholder
 * message and severity change reach everyone, and the reply is recorded. The
 * game day is ended at the end, so the other specs find the players free.
 */
import { DEMO, expect, test } from "./fixtures";
import { GameDaysPage, joinFromHome, signedIn } from "./game-days";
import { IncidentRoom } from "./room";

const LEVEL_ID = "payload-too-large";

test("a team plays a game day together while the facilitator injects", async ({ browser }) => {
  test.setTimeout(15 * 60_000);
  const fac = await signedIn(browser, DEMO.FACILITATOR.email);
  const pat = await signedIn(browser, DEMO.PLAYER.email);
  const sam = await signedIn(browser, DEMO.PLAYER2.email);
  const title = `E2E drill ${Date.now().toString(36)}`;
  const gameDays = new GameDaysPage(fac.page, title);
  fac.page.on("dialog", (d) => void d.accept());

  try {
    // ── The facilitator schedules it for Blue Team, now, on the named level, and starts it ──
    await gameDays.schedule(LEVEL_ID);
    await expect(fac.page.getByText(`Game day “${title}” scheduled.`)).toBeVisible();
    const roomUrl = await gameDays.startAndFindRoom();
    expect(roomUrl).toMatch(/^\/attempts\/[a-z0-9]+$/);

    // ── Both players find it on their home page and join ──
    for (const p of [pat, sam]) await joinFromHome(p.page, roomUrl);
    // ── The live board lists the team's attempt; a message from it reaches the players ──
    const attemptId = roomUrl.split("/").pop()!;
    await fac.page.goto("/facilitate/board");
    await expect(fac.page.getByTestId("board-connection")).toContainText(/live/i, { timeout: 15_000 });
    const boardRow = fac.page.locator(`[data-testid="board-row"][data-attempt-id="${attemptId}"]`);
    await expect(boardRow).toContainText(DEMO.PLAYER2.name, { timeout: 15_000 });
    await expect(boardRow.getByTestId("board-env")).toContainText(/ready/i, { timeout: 5 * 60_000 });
    await expect(boardRow.getByTestId("board-success")).toContainText("%", { timeout: 30_000 });
    await boardRow.getByTestId("board-message").click();
    const coachText = `Remember to post a status update ${Date.now().toString(36)}`;
    await fac.page.getByTestId("coach-text").fill(coachText);
    await fac.page.getByTestId("coach-send").click();
    for (const p of [pat, sam])
      await expect(p.page.getByTestId("coach-message").filter({ hasText: coachText })).toBeVisible({
        timeout: 15_000,
      });
    await boardRow.getByTestId("board-watch").click();
    await expect(fac.page).toHaveURL(roomUrl);
    const patRoom = new IncidentRoom(pat.page, { shellTimeout: 60_000 });
    const samRoom = new IncidentRoom(sam.page, { shellTimeout: 60_000 });
    const facRoom = new IncidentRoom(fac.page, { shellTimeout: 60_000 });
    for (const r of [patRoom, samRoom, facRoom])
      await expect(r.root()).toHaveAttribute("data-status", "ACTIVE", { timeout: 5 * 60_000 });
    await expect(patRoom.member(DEMO.PLAYER2.name)).toHaveAttribute("data-present", "true", { timeout: 30_000 });

    // ── One shared shell: Pat's typing shows in Sam's terminal and the facilitator's ──
    const marker = `shared-${Date.now().toString(36)}`;
    await patRoom.openShell("proxy");
    await samRoom.openShell("proxy");
    await patRoom.type("proxy", `echo ${marker}-$((20+22))`);
    await expect(patRoom.output("proxy")).toContainText(`${marker}-42`, { timeout: 30_000 });
    await expect(samRoom.output("proxy")).toContainText(`${marker}-42`, { timeout: 30_000 });
    await samRoom.type("proxy", `echo from-sam-$((40+2))`);
    await expect(patRoom.output("proxy")).toContainText("from-sam-42", { timeout: 30_000 });

    await facRoom.openShell("proxy");
    await expect(facRoom.terminal("proxy")).toContainText("watching (read-only)");
    await expect(facRoom.output("proxy")).toContainText(`${marker}-42`, { timeout: 30_000 });
    await patRoom.type("proxy", `echo live-${marker}`);
    await expect(facRoom.output("proxy")).toContainText(`live-${marker}`, { timeout: 30_000 });
    // The facilitator's keys go nowhere.
    await facRoom.type("proxy", "echo FACILITATOR-TYPED");
    await patRoom.type("proxy", `echo after-${marker}`);
    await expect(patRoom.output("proxy")).toContainText(`after-${marker}`, { timeout: 30_000 });
    await expect(facRoom.output("proxy")).toContainText(`after-${marker}`, { timeout: 30_000 });
    for (const r of [patRoom, samRoom, facRoom]) await expect(r.output("proxy")).not.toContainText("FACILITATOR-TYPED");

    // ── Sam takes command; everyone sees it ──
    await sam.page.getByTestId("claim-commander").click();
    for (const r of [patRoom, samRoom, facRoom])
      await expect(r.member(DEMO.PLAYER2.name)).toHaveAttribute("data-role", "COMMANDER", { timeout: 15_000 });
    await expect(patRoom.member(DEMO.PLAYER.name)).toHaveAttribute("data-role", "PLAYER");

    // ── Pat's chat message reaches Sam and the facilitator, in the channel ──
    const chat = `Looking at nginx logs ${marker}`;
    await patRoom.tab("Channel");
    await pat.page.getByTestId("channel-input").fill(chat);
    await pat.page.getByTestId("channel-input").press("Enter");
    await expect(pat.page.getByTestId("channel-input")).toHaveValue("");
    for (const r of [patRoom, samRoom, facRoom]) {
      await r.tab("Channel");
      await expect(r.channel()).toContainText(chat, { timeout: 15_000 });
      await expect(r.channel()).toContainText(`${DEMO.PLAYER2.name} is now incident commander`);
    }

    // ── The facilitator injects: a stakeholder's question and a higher severity ──
    const question = `Customers are calling about uploads ${marker}. What do I tell them?`;
    await facRoom.tab("Injects");
    await fac.page.getByTestId("inject-stakeholder-message").fill(question);
    await fac.page.getByTestId("inject-stakeholder-minutes").fill("5");
    await fac.page.getByTestId("inject-stakeholder-send").click();
    await expect(fac.page.getByText("Stakeholder message sent.")).toBeVisible();
    await fac.page.getByTestId("inject-severity-SEV1").click();
    await expect(fac.page.getByText("Severity set to SEV1.")).toBeVisible();
    for (const r of [patRoom, samRoom, facRoom]) {
      await expect(r.page.getByTestId("room-severity")).toHaveText("SEV1", { timeout: 15_000 });
      await r.tab("Channel");
      const asked = r.channel().getByTestId("stakeholder-message").filter({ hasText: question });
      await expect(asked).toBeVisible({ timeout: 15_000 });
      await expect(asked.getByTestId("stakeholder-deadline")).toContainText(/Answer within [0-4]:\d\d/);
    }

    // ── The commander answers it; the facilitator sees it answered ──
    await sam.page
      .getByTestId("stakeholder-message")
      .filter({ hasText: question })
      .getByTestId("reply-stakeholder")
      .click();
    await sam.page.getByTestId("channel-as-status").check();
    await sam.page.getByTestId("channel-input").fill("Uploads fail for everyone; fix expected within 15 minutes.");
    await sam.page.getByTestId("channel-input").press("Enter");
    await expect(fac.page.getByTestId("stakeholder-message").filter({ hasText: question })).toHaveAttribute(
      "data-answered",
      "true",
      { timeout: 15_000 },
    );
    await expect(facRoom.channel()).toContainText("Status update · " + DEMO.PLAYER2.name);
  } finally {
    // End the game day so later specs find both players without an open incident.
    await gameDays.endIfRunning();
    await Promise.all([fac.context.close(), pat.context.close(), sam.context.close()]);
  }
});
