import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { fillTheRest, GENT_COORDINATOR, logIn, waitForHydration } from "./helpers";
import { mailsTo } from "./mailbox";

// The board as a workbench: the detail panel, a comment that mentions a
// colleague, assignment, a question to the reporter and its answer, and a
// bulk move that reports what the rules refuse.
const GENT_PROCESSOR = "bram.verhaeghe@gent.example"; // Bram Verhaeghe: welzijn, among others
const GENT_GIVER = "youssef.benali@deoverstap.example";
const BOARD = "/gent/bord?submitted=1000&in_screening=1000";

const column = (page: Page, phase: string) => page.locator(`section.column[data-phase="${phase}"]`);
const card = (page: Page, id: string) => page.locator(`article.card[data-signal="${id}"]`);

async function person(browser: Browser, email: string, next: string) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 2400 } });
  const page = await context.newPage();
  await logIn(page, email, next);
  await waitForHydration(page);
  return page;
}

async function openBoard(browser: Browser, email: string) {
  const page = await person(browser, email, "/gent/bord");
  await page.goto(BOARD);
  await waitForHydration(page);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  return page;
}

/** Youssef reports a Welzijn signal (he may be contacted); its id. */
async function newSignal(browser: Browser, title: string) {
  const page = await person(browser, GENT_GIVER, "/gent/signaleren");
  await page.getByLabel("Korte titel").fill(title);
  await page.getByLabel("Wat zie je?").fill("Jongeren die achttien worden vallen uit de jeugdhulp en vinden geen begeleiding meer.");
  await fillTheRest(page);
  await page.getByLabel("Beleidsdomein").selectOption({ label: "Welzijn" });
  await page.getByRole("button", { name: "Signaal versturen" }).click();
  await expect(page.getByRole("heading", { name: "Bedankt, je signaal is verstuurd" })).toBeVisible();
  await page.context().close();
}

async function idOf(board: Page, title: string) {
  const found = board.locator("article.card").filter({ hasText: title });
  await expect(found).toBeVisible();
  return (await found.getAttribute("data-signal"))!;
}

test("a processor works a card from its panel: comment with a mention, assign, ask the reporter, read the answer", async ({ browser }) => {
  const title = `Geen begeleiding na je achttiende ${Date.now()}`;
  const ines = await openBoard(browser, GENT_COORDINATOR);
  await newSignal(browser, title);
  const id = await idOf(ines, title);

  // The card opens in the panel, without leaving the board.
  await card(ines, id).getByRole("link", { name: title }).click();
  const panel = ines.getByRole("complementary", { name: `Signaal #${id}` });
  await expect(panel.getByRole("heading", { level: 2, name: title })).toBeVisible();
  await expect(ines).toHaveURL(new RegExp(`/gent/bord`));
  await expect(panel.getByRole("button", { name: "Sluiten" })).toBeFocused();
  // With the panel open, the board passes axe.
  const axe = await new AxeBuilder({ page: ines }).analyze();
  expect(axe.violations, JSON.stringify(axe.violations, null, 2)).toEqual([]);

  // A comment that mentions someone who may not read it is refused, and kept.
  const comment = panel.getByLabel("Nieuwe opmerking");
  await comment.fill("@Piet Onbekend kijk eens");
  await panel.getByRole("button", { name: "Opmerking plaatsen" }).click();
  await expect(panel.getByText("‘@Piet’ is niemand die dit signaal mag lezen")).toBeVisible();
  await expect(comment).toHaveValue("@Piet Onbekend kijk eens");

  // Mention Bram by picking his name.
  await comment.fill("");
  await panel.getByRole("button", { name: "@Bram Verhaeghe" }).click();
  await comment.pressSequentially("kan jij dit opnemen met het OCMW?");
  await panel.getByRole("button", { name: "Opmerking plaatsen" }).click();
  await expect(panel.locator("ol.comments")).toContainText("@Bram Verhaeghe kan jij dit opnemen met het OCMW?");

  // Assign it to Bram: the panel and the card say so.
  await panel.getByLabel("Geef aan").selectOption({ label: "Bram Verhaeghe" });
  await panel.getByRole("button", { name: "Toewijzen" }).click();
  await expect(panel.getByRole("heading", { name: "Toegewezen aan Bram Verhaeghe" })).toBeVisible();
  await expect(card(ines, id)).toContainText("Toegewezen aan Bram Verhaeghe");

  // Ask Youssef a question, without knowing his address.
  const question = `Hoeveel jongeren zag je dit jaar? ${Date.now()}`;
  await panel.getByLabel("Vraag aan de signaalgever").fill(question);
  await panel.getByRole("button", { name: "Vraag stellen" }).click();
  await expect(panel.getByText(`Vraag: ${question}`)).toBeVisible();
  await expect(panel.getByText("Nog geen antwoord.")).toBeVisible();

  // Bram: the mention and the assignment wait on his home, and came by mail.
  const bram = await person(browser, GENT_PROCESSOR, "/gent");
  const told = bram.locator("ul.notifications");
  await expect(told).toContainText(`Ines Claeys noemde je in een opmerking bij ${title}`);
  await expect(told).toContainText(`Ines Claeys wees je een signaal toe bij ${title}`);
  await expect(bram.getByRole("link", { name: title }).first()).toBeVisible();
  const home = await new AxeBuilder({ page: bram }).analyze();
  expect(home.violations, JSON.stringify(home.violations, null, 2)).toEqual([]);
  await expect.poll(() => mailsTo(GENT_PROCESSOR).filter((m) => m.includes(`noemde je in een opmerking bij signaal ${id}`)).length).toBe(1);
  const mail = mailsTo(GENT_PROCESSOR).find((m) => m.includes(`noemde je in een opmerking bij signaal ${id}`))!;
  expect(mail).toContain(`/gent/signalen/${id}`);
  expect(mail, "the comment itself stays in Seinhuis").not.toContain("OCMW");
  expect(mail, "never who reported it").not.toContain("Youssef");
  // "Mijn kaarten": his board filtered on what is assigned to him.
  await bram.getByRole("link", { name: "Mijn kaarten op het bord" }).click();
  await waitForHydration(bram);
  await expect(bram.getByLabel("Mijn kaarten")).toBeChecked();
  await expect(card(bram, id)).toBeVisible();
  await expect(bram.locator("article.card").filter({ hasNotText: "Toegewezen aan Bram Verhaeghe" })).toHaveCount(0);

  // Youssef reads the question from "de signaalverwerker" and answers it.
  await expect.poll(() => mailsTo(GENT_GIVER).filter((m) => m.includes(question)).length).toBe(1);
  const youssef = await person(browser, GENT_GIVER, "/gent/mijn-signalen");
  const asked = youssef.locator("li.question").filter({ hasText: question });
  await expect(asked).toContainText("De signaalverwerker vraagt");
  await expect(youssef.locator("main")).not.toContainText("Ines");
  await expect(youssef.locator("main")).not.toContainText("OCMW");
  const mine = await new AxeBuilder({ page: youssef }).analyze();
  expect(mine.violations, JSON.stringify(mine.violations, null, 2)).toEqual([]);
  await asked.getByLabel("Je antwoord").fill("Een tiental, vooral uit de pleegzorg.");
  await asked.getByRole("button", { name: "Antwoord versturen" }).click();
  await expect(youssef.locator("li.question").filter({ hasText: question })).toContainText("Je antwoord: Een tiental, vooral uit de pleegzorg.");

  // The answer reaches the open panel live.
  await expect(panel.getByText("Een tiental, vooral uit de pleegzorg.").first()).toBeVisible();
  // Escape closes the panel; focus goes back to the card.
  await panel.getByRole("button", { name: "Sluiten" }).focus();
  await ines.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(card(ines, id).getByRole("link", { name: title })).toBeFocused();
});

test("a bulk move of three cards moves the two the rules allow and says why the third was refused", async ({ browser }) => {
  const stamp = Date.now();
  const titles = [`Bulk een ${stamp}`, `Bulk twee ${stamp}`, `Bulk drie ${stamp}`];
  const ines = await openBoard(browser, GENT_COORDINATOR);
  for (const t of titles) await newSignal(browser, t);
  const ids = [];
  for (const t of titles) ids.push(await idOf(ines, t));
  // Two go to In screening first; the third stays Ingediend.
  for (const id of ids.slice(0, 2)) {
    await card(ines, id).getByRole("button", { name: "Verplaats naar…" }).click();
    await card(ines, id).getByRole("button", { name: "In screening" }).click();
    await expect(column(ines, "in_screening").locator(`article.card[data-signal="${id}"]`)).toBeVisible();
  }
  for (const t of titles) await ines.getByLabel(`Selecteer ‘${t}’`).check();
  const bar = ines.getByRole("region", { name: "Kaarten samen behandelen" });
  await expect(bar).toContainText("3 kaarten geselecteerd.");
  await bar.getByLabel("Verplaatsen").check();
  await bar.getByLabel("Naar").selectOption({ label: "Weerhouden" });
  await bar.getByRole("button", { name: "Uitvoeren" }).click();
  await expect(bar).toContainText("2 kaarten gelukt. 1 kaart niet");
  const refused = bar.locator(".notice-error li");
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText(titles[2]);
  for (const id of ids.slice(0, 2)) await expect(column(ines, "retained").locator(`article.card[data-signal="${id}"]`)).toBeVisible();
  await expect(column(ines, "submitted").locator(`article.card[data-signal="${ids[2]}"]`)).toBeVisible();
  // The refused card stays ticked, to act on it otherwise.
  await expect(bar).toContainText("1 kaart geselecteerd.");
});
