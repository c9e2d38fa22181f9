import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, GENT_COORDINATOR, logIn, waitForHydration } from "./helpers";

// Demo signals of Gent that are In screening, with the signaalgever who
// reported them and a processor of their policy domain (src/demo/data.toml).
const WITH_SCRIPT = {
  title: "Geen slaapplek voor wie nog actief gebruikt",
  giver: "youssef.benali@deoverstap.example",
  processor: "bram.verhaeghe@gent.example", // welzijn
};
const WITHOUT_SCRIPT = {
  title: "Kraamzorg te duur voor kwetsbare gezinnen",
  giver: "gloria.mbuyi@dekiem.example",
  processor: "nadia.elamrani@dekiem.example", // preventieve gezinsondersteuning
};

async function noAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

/** Log in through the form, also where the page runs no script. */
async function logInPlain(page: Page, email: string, next: string) {
  await page.goto(`/aanmelden?volgende=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/\//g, "\\/")}$`));
}

/** From the board, the card's panel and its link to the signal's own page
 * (without JavaScript, `script` false, the card's own link). */
async function openFromBoard(page: Page, title: string, script = true) {
  if (script) await waitForHydration(page);
  const card = page.locator('section.column[data-phase="in_screening"] article.card', { hasText: title });
  const id = await card.getAttribute("data-signal");
  await card.getByRole("link", { name: title }).click();
  if (script) await page.getByRole("complementary", { name: `Signaal #${id}` }).getByRole("link", { name: "Open als pagina" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return page.url();
}

/** Screen as "niet weerhouden": first without a message (refused, the reason stays), then with one. */
async function screenAsNotRetained(page: Page, message: string) {
  const step = page.locator("details#stap-not_retained");
  await step.locator("summary").click();
  await step.getByLabel(/Waarom niet weerhouden/).selectOption("organisatiegebonden");
  await step.getByRole("button", { name: "Niet weerhouden" }).click();

  const refused = page.locator("details#stap-not_retained");
  await expect(refused.getByRole("alert")).toHaveText("Schrijf een bericht voor de signaalgever: wat werd beslist en waarom.");
  await expect(refused.getByLabel(/Waarom niet weerhouden/)).toHaveValue("organisatiegebonden");
  await refused.getByLabel(/Bericht aan de signaalgever/).fill(message);
  await refused.getByRole("button", { name: "Niet weerhouden" }).click();
  await expect(page.getByText("staat nu in de fase ‘Niet weerhouden’")).toBeVisible();
  await expect(page.locator(".signal-header .phase")).toHaveText("Niet weerhouden");
}

/** A processor of the signal takes the "niet weerhouden" back, with a note. */
async function takeBack(page: Page, url: string, note: string) {
  await page.goto(url);
  const step = page.locator("details#stap-in_screening");
  await step.locator("summary").click();
  await step.getByLabel(/Interne notitie/).fill(note);
  await step.getByRole("button", { name: "Opnieuw screenen" }).click();
  await expect(page.getByText("staat nu in de fase ‘In screening’")).toBeVisible();
  await expect(page.getByText(note)).toBeVisible();
}

/** The signaalgever reads the message, and that it is screened again, without the note. */
async function giverReads(page: Page, title: string, message: string, note: string) {
  const signal = page.locator("li.followed", { hasText: title });
  await signal.getByText("Wat er met dit signaal gebeurde").click();
  await expect(signal.getByText(message)).toBeVisible();
  await expect(signal.getByText("Van In screening naar Niet weerhouden")).toBeVisible();
  await expect(signal.getByText(/reden: Organisatiegebonden/)).toBeVisible();
  await expect(signal.getByText("Opnieuw in screening")).toBeVisible();
  await expect(signal.locator(".phase")).toHaveText("In screening");
  await expect(page.getByText(note)).toHaveCount(0);
  await expect(page.getByText("Bram Verhaeghe")).toHaveCount(0);
  await expect(page.getByText("Nadia")).toHaveCount(0);
}

async function asPerson(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  return { context, page: await context.newPage() };
}

test("a coordinator screens a signal as niet weerhouden on its page; the signaalgever reads why; a processor takes it back", async ({ page, browser }) => {
  const message = `Dit gaat over de werking van één organisatie: we bespreken het met hen rechtstreeks (${Date.now()}).`;
  const note = "Toch structureel: ook twee andere diensten zien dit.";
  await logIn(page, GENT_COORDINATOR, "/gent/bord");
  const url = await openFromBoard(page, WITH_SCRIPT.title);
  await page.locator("details#stap-not_retained summary").click();
  await noAxeViolations(page);
  await page.locator("details#stap-not_retained summary").click();
  await screenAsNotRetained(page, message);

  const giver = await asPerson(browser, true);
  await logIn(giver.page, WITH_SCRIPT.giver, "/gent/mijn-signalen");
  const signal = giver.page.locator("li.followed", { hasText: WITH_SCRIPT.title });
  await signal.getByText("Wat er met dit signaal gebeurde").click();
  await expect(signal.getByText(message)).toBeVisible();

  const processor = await asPerson(browser, true);
  await logIn(processor.page, WITH_SCRIPT.processor, "/gent");
  await takeBack(processor.page, url, note);
  await processor.context.close();

  await giver.page.reload();
  await giverReads(giver.page, WITH_SCRIPT.title, message, note);
  // The signaalgever's home tells the news, without a name.
  await giver.page.goto("/gent");
  const waits = giver.page.getByRole("region", { name: "Wat wacht op jou" });
  await expect(waits.getByRole("listitem").filter({ hasText: WITH_SCRIPT.title })).toContainText("Opnieuw in screening");
  await expect(waits.getByText("Bram Verhaeghe")).toHaveCount(0);
  await noAxeViolations(giver.page);
  await giver.context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same screening with plain forms", async ({ page, browser }) => {
    const message = `Dit is een vraag van één gezin aan één dienst, geen structureel probleem (${Date.now()}).`;
    const note = "Toch structureel: de kraamzorg is overal te duur.";
    await logInPlain(page, GENT_COORDINATOR, "/gent/bord");
    const url = await openFromBoard(page, WITHOUT_SCRIPT.title, false);
    await screenAsNotRetained(page, message);

    const processor = await asPerson(browser, false);
    await logInPlain(processor.page, WITHOUT_SCRIPT.processor, "/gent");
    await takeBack(processor.page, url, note);
    await processor.context.close();

    const giver = await asPerson(browser, false);
    await logInPlain(giver.page, WITHOUT_SCRIPT.giver, "/gent/mijn-signalen");
    await giverReads(giver.page, WITHOUT_SCRIPT.title, message, note);
    await giver.context.close();
  });
});
