import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, GENT_COORDINATOR, logIn, waitForHydration } from "./helpers";

const column = (page: Page, phase: string) => page.locator(`section.column[data-phase="${phase}"]`);

/** Open the first (or last) card of a column on the signal's page: its title
 * opens the panel beside the board, which links to the page (without
 * JavaScript, `script` false, the title links to the page itself). */
async function openCard(page: Page, phase: string, which: "first" | "last" = "first", script = true) {
  if (script) await waitForHydration(page);
  const cards = column(page, phase).locator("article.card");
  const card = which === "first" ? cards.first() : cards.last();
  const id = await card.getAttribute("data-signal");
  expect(id).toBeTruthy();
  const title = (await card.locator(".card-title").innerText()).trim();
  await card.getByRole("link", { name: title }).click();
  if (script) await page.getByRole("complementary", { name: `Signaal #${id}` }).getByRole("link", { name: "Open als pagina" }).click();
  await expect(page).toHaveURL(new RegExp(`/gent/signalen/${id}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return { id, title };
}

test("a coordinator opens a card, moves the signal on its page and finds it in its new column", async ({ page }) => {
  await logIn(page, GENT_COORDINATOR, "/gent/bord");
  await waitForHydration(page);
  // Cards carry no forms: they link to the signal's page.
  await expect(page.locator("article.card form")).toHaveCount(0);

  const { id } = await openCard(page, "submitted");
  const step = page.locator("details#stap-in_screening");
  await step.locator("summary").click();
  await step.getByRole("button", { name: "Screening starten" }).click();
  await expect(page.getByText("staat nu in de fase ‘In screening’")).toBeVisible();
  await expect(page.getByText("Van Ingediend naar In screening")).toBeVisible();

  await page.goto("/gent/bord");
  await expect(column(page, "in_screening").locator(`article.card[data-signal="${id}"]`)).toBeVisible();
  await expect(column(page, "submitted").locator(`article.card[data-signal="${id}"]`)).toHaveCount(0);
});

test("a move from a page that is out of date is refused in Dutch, and only the first applies", async ({ page }) => {
  await logIn(page, GENT_COORDINATOR, "/gent/bord");
  const { id } = await openCard(page, "submitted", "last");
  // The same page in a second tab, opened before the move.
  const other = await page.context().newPage();
  await other.goto(`/gent/signalen/${id}`);

  await page.locator("details#stap-in_screening summary").click();
  await page.locator("details#stap-in_screening").getByRole("button", { name: "Screening starten" }).click();
  await expect(page.getByText("staat nu in de fase ‘In screening’")).toBeVisible();

  await other.locator("details#stap-in_screening summary").click();
  await other.locator("details#stap-in_screening").getByRole("button", { name: "Screening starten" }).click();
  await expect(other.getByText("Iemand anders was je voor").first()).toBeVisible();
  // The refusal says what happened; the history holds that one move only.
  await expect(other.getByText("Iemand anders was je voor: van ingediend naar in screening")).toBeVisible();
  await expect(other.locator(".history-what", { hasText: "Van Ingediend naar In screening" })).toHaveCount(1);
  await other.close();
});

test("the board asks to log in first, and a signaalgever gets no access", async ({ page }) => {
  await page.goto("/gent/bord");
  await expect(page.getByRole("heading", { name: "Aanmelden nodig" })).toBeVisible();

  await logIn(page, "sofie.mertens@deschakel.example", "/gent/bord");
  await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a card leads to the signal's page, where a plain form moves it", async ({ page }) => {
    await page.goto("/aanmelden?volgende=/gent/bord");
    await page.getByLabel("E-mailadres").fill(GENT_COORDINATOR);
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page).toHaveURL(/\/gent\/bord$/);

    const { id } = await openCard(page, "submitted", "first", false);
    await page.locator("details#stap-in_screening summary").click();
    await page.locator("details#stap-in_screening").getByRole("button", { name: "Screening starten" }).click();
    await expect(page).toHaveURL(new RegExp(`/gent/signalen/${id}$`));
    await expect(page.getByText("staat nu in de fase ‘In screening’")).toBeVisible();
    await page.getByRole("link", { name: /^Bord / }).click();
    await expect(column(page, "in_screening").locator(`article.card[data-signal="${id}"]`)).toBeVisible();
  });
});

test("a filtered board is an address: opened in another browser it shows the same cards", async ({ page, browser }) => {
  await logIn(page, GENT_COORDINATOR, "/gent/bord");
  const search = page.getByRole("search", { name: "Kaarten filteren" });
  await search.getByLabel("Doelgroep").selectOption({ label: "Ouderen" });
  await search.getByLabel("Zoeken").fill("eenzaam");
  await search.getByRole("button", { name: "Filteren" }).click();
  await expect(page).toHaveURL(/doelgroep=ouderen/);
  await expect(page).toHaveURL(/zoek=eenzaam/);
  const ids = async (p: typeof page) =>
    (await p.locator("article.card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-signal")))).sort();
  const shown = await ids(page);
  expect(shown.length).toBeGreaterThan(0);
  const all = await (async () => {
    const other = await browser.newContext();
    const p = await other.newPage();
    await logIn(p, GENT_COORDINATOR, "/gent/bord");
    const everything = await ids(p);
    await p.goto(page.url());
    await expect(p.getByRole("search").getByLabel("Zoeken")).toHaveValue("eenzaam");
    expect(await ids(p)).toEqual(shown);
    await other.close();
    return everything;
  })();
  expect(all.length).toBeGreaterThan(shown.length);
  // Cleared, the whole board is back.
  await page.getByRole("link", { name: "Filters wissen" }).click();
  await expect(page).toHaveURL(/\/gent\/bord$/);
  expect((await ids(page)).length).toBe(all.length);
});
