import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { fillTheRest, GENT_COORDINATOR, logIn, waitForHydration } from "./helpers";

// The live board, on the database of the project (SQLite, or PostgreSQL in
// the "postgres" project): two people, each in their own browser context.
const GENT_PROCESSOR = "bram.verhaeghe@gent.example"; // welzijn, among others
const GENT_GIVER = "youssef.benali@deoverstap.example";
// Every card of the first columns, however many earlier tests left there.
const BOARD = "/gent/bord?submitted=1000&in_screening=1000";

const column = (page: Page, phase: string) => page.locator(`section.column[data-phase="${phase}"]`);
const card = (page: Page, phase: string, id: string) => column(page, phase).locator(`article.card[data-signal="${id}"]`);

async function openBoard(browser: Browser, email: string, block?: "stream") {
  // Tall enough that a dragged card and the column it goes to are both in view.
  const context = await browser.newContext({ viewport: { width: 1600, height: 3000 } });
  const page = await context.newPage();
  if (block) {
    // This board hears nothing from the others: it stays as it was loaded.
    await page.route("**/bord/live**", (route) => route.abort());
  }
  await logIn(page, email, "/gent/bord");
  await page.goto(BOARD);
  await waitForHydration(page);
  if (!block) {
    await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  }
  return page;
}

/** A signaalgever reports a new Welzijn signal; its card's id on this board, where it appears by itself. */
async function newSignal(browser: Browser, board: Page) {
  const title = `Geen plek in de nachtopvang ${Date.now()}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, GENT_GIVER, "/gent/signaleren");
  await waitForHydration(page);
  await page.getByLabel("Korte titel").fill(title);
  await page.getByLabel("Wat zie je?").fill("Elke week staan mensen 's avonds aan de deur van de nachtopvang terwijl alle bedden al bezet zijn.");
  await fillTheRest(page);
  await page.getByLabel("Beleidsdomein").selectOption({ label: "Welzijn" });
  await page.getByRole("button", { name: "Signaal versturen" }).click();
  await expect(page.getByRole("heading", { name: "Bedankt, je signaal is verstuurd" })).toBeVisible();
  await context.close();
  const card = column(board, "submitted").locator("article.card").filter({ hasText: title });
  await expect(card).toBeVisible();
  return (await card.getAttribute("data-signal"))!;
}

test("a card dragged on one board moves on the other without a reload, and the move can be undone", async ({ browser }) => {
  const a = await openBoard(browser, GENT_COORDINATOR);
  const b = await openBoard(browser, GENT_PROCESSOR);
  // A new signal reaches both boards by itself.
  const id = await newSignal(browser, a);
  await expect(card(b, "submitted", id)).toBeVisible();

  await card(a, "submitted", id).dragTo(column(a, "in_screening").getByRole("heading", { level: 2 }));
  await expect(card(a, "in_screening", id)).toBeVisible();
  await expect(card(b, "in_screening", id)).toBeVisible();
  await expect(card(b, "submitted", id)).toHaveCount(0);

  // A takes it back; B follows again.
  await a.getByRole("button", { name: "Ongedaan maken" }).click();
  await expect(card(a, "submitted", id)).toBeVisible();
  await expect(card(b, "submitted", id)).toBeVisible();
  await expect(card(b, "in_screening", id)).toHaveCount(0);
  await a.context().close();
  await b.context().close();
});

test("two people move the same card from the same state: exactly one succeeds, the other is told on the card", async ({ browser }) => {
  const a = await openBoard(browser, GENT_COORDINATOR);
  const id = await newSignal(browser, a);
  // B's board is cut off from the stream, so it stays as it was loaded.
  const b = await openBoard(browser, GENT_PROCESSOR, "stream");
  await expect(b.getByRole("status").filter({ hasText: "Offline" })).toBeVisible();
  await expect(card(b, "submitted", id)).toBeVisible();

  await card(a, "submitted", id).getByRole("button", { name: "Verplaats naar…" }).click();
  await card(a, "submitted", id).getByRole("button", { name: "In screening" }).click();
  await expect(card(a, "in_screening", id)).toBeVisible();

  await card(b, "submitted", id).getByRole("button", { name: "Verplaats naar…" }).click();
  await card(b, "submitted", id).getByRole("button", { name: "In screening" }).click();
  // Refused, told on the card, and the card refreshed to what the server has.
  const refused = card(b, "in_screening", id);
  await expect(refused.getByRole("alert")).toContainText("Iemand anders was je voor");
  await expect(card(b, "submitted", id)).toHaveCount(0);

  // Only one move happened.
  await a.goto(`/gent/signalen/${id}`);
  await expect(a.getByText("Van Ingediend naar In screening")).toHaveCount(1);

  // Back on the stream, B's board says it is live again.
  await b.unroute("**/bord/live**");
  await expect(b.getByRole("status").filter({ hasText: "Weer live" })).toBeVisible({ timeout: 20_000 });
  await a.context().close();
  await b.context().close();
});

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

/** Tab until a card's "Oppakken" has focus; its signal id. */
async function tabToHandle(page: Page, phase: string) {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Tab");
    const found = await page.evaluate((phase) => {
      const active = document.activeElement as HTMLElement | null;
      if (!active?.id.startsWith("oppakken-")) return null;
      const column = active.closest("section.column") as HTMLElement | null;
      return column?.dataset.phase === phase ? active.id.replace("oppakken-", "") : null;
    }, phase);
    if (found) return found;
  }
  throw new Error(`no card handle in ${phase} reached with Tab`);
}

test("with the keyboard only a card is picked up, moved and dropped, announced; axe finds nothing, also with a dialog open", async ({ browser }) => {
  const page = await openBoard(browser, GENT_COORDINATOR);
  await newSignal(browser, page);
  await axe(page);
  const announced = page.locator("[aria-live=assertive]");

  const id = await tabToHandle(page, "submitted");
  await page.keyboard.press("Space");
  await expect(announced).toContainText("opgepakt");
  await expect(card(page, "submitted", id)).toHaveClass(/picked/);
  await axe(page);
  await page.keyboard.press("ArrowRight");
  await expect(announced).toContainText("Naar In screening");
  await expect(column(page, "in_screening")).toHaveClass(/drop-here/);
  await page.keyboard.press("Escape");
  await expect(announced).toContainText("geannuleerd");
  await expect(card(page, "submitted", id)).toBeVisible();

  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Space");
  await expect(card(page, "in_screening", id)).toBeVisible();
  await expect(announced).toContainText("staat nu in In screening");
  // Focus stays on the card, now in its new column, once the server answered.
  await expect(card(page, "in_screening", id)).not.toHaveClass(/busy/);
  await expect(page.locator(`#oppakken-${id}`)).toBeFocused();

  // Niet weerhouden asks for a reason and a message: the dialog.
  await page.keyboard.press("Space");
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("ArrowRight");
    if ((await announced.innerText()).includes("Niet weerhouden")) break;
  }
  await expect(announced).toContainText("Naar Niet weerhouden");
  await page.keyboard.press("Space");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading")).toContainText("naar Niet weerhouden");
  await axe(page);
  // Sending without a reason is refused in the dialog; what was typed stays.
  await dialog.getByLabel(/Bericht aan de signaalgever/).fill("Dit hoort bij een ander signaal.");
  await dialog.getByRole("button", { name: "Niet weerhouden" }).click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  await expect(dialog.getByLabel(/Bericht aan de signaalgever/)).toHaveValue("Dit hoort bij een ander signaal.");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(card(page, "in_screening", id)).toBeVisible();
  await page.context().close();
});
