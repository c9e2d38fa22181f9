import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { GENT_COORDINATOR, logIn } from "./helpers";

async function noAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

/** Make a bundle on /gent/bundels from retained demo signals; returns its page's path. */
async function makeBundle(page: Page, titles: string[], title: string) {
  await page.goto("/gent/bundels");
  const form = page.getByRole("region", { name: "Bundel maken" });
  for (const t of titles) await form.getByLabel(new RegExp(t)).check();
  await form.getByLabel("Titel van de bundel").fill(title);
  await form.getByLabel("Probleemstelling").fill("Ouderen en gezinnen vinden de weg niet naar hulp die er wel is.");
  await form.getByRole("button", { name: "Bundel maken" }).click();
  await expect(page).toHaveURL(/\/gent\/bundels\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

const inBundle = (page: Page, title: string) => page.locator("li.bundle-signal", { hasText: title });

async function splitOut(page: Page, title: string) {
  const row = inBundle(page, title);
  await row.getByText("Uit de bundel halen…").click();
  await row.getByLabel("Waarom? (interne notitie)").fill("Hoort bij een ander probleem.");
  await row.getByRole("button", { name: "Uit de bundel halen" }).click();
  await expect(inBundle(page, title)).toHaveCount(0);
}

/** The phase a signal's own page shows. */
async function phaseOnItsPage(page: Page, href: string) {
  await page.goto(href);
  return (await page.locator(".phase").first().innerText()).trim();
}

test("retained signals become a bundle that moves as one; split out, a signal follows the rules", async ({ page }) => {
  await logIn(page, GENT_COORDINATOR, "/gent/bundels");
  await noAxeViolations(page);
  // The two retained signals about lonely older people are suggested as one bundle.
  const suggested = page.locator(".suggestion-card", { hasText: "Steeds meer eenzame ouderen in de wachtzaal" });
  await expect(suggested).toContainText("Alleenstaande ouderen komen hun flat niet meer uit");
  const path = await makeBundle(
    page,
    ["Steeds meer eenzame ouderen in de wachtzaal", "Alleenstaande ouderen komen hun flat niet meer uit", "Schoolkosten blijven oplopen"],
    "Eenzaamheid en drempels",
  );
  await expect(page.locator("li.bundle-signal")).toHaveCount(3);
  await expect(page.locator("li.bundle-signal .phase")).toHaveText(["Gebundeld", "Gebundeld", "Gebundeld"]);
  await expect(page.getByRole("region", { name: "Probleemstelling" })).toContainText("Ouderen en gezinnen vinden de weg niet naar hulp");
  await noAxeViolations(page);

  // Split out while Gebundeld: back to Weerhouden, on its own.
  const school = await inBundle(page, "Schoolkosten").getByRole("link").getAttribute("href");
  await splitOut(page, "Schoolkosten");
  expect(await phaseOnItsPage(page, school!)).toBe("Weerhouden");

  // The bundle moves to Geanalyseerd, and both its signals with it.
  await page.goto(path);
  await page.getByRole("button", { name: "Naar Geanalyseerd" }).click();
  await expect(page.locator("h1 + p .phase")).toHaveText("Geanalyseerd");
  await expect(page.locator("li.bundle-signal .phase")).toHaveText(["Geanalyseerd", "Geanalyseerd"]);
  await expect(page.getByText("Van Gebundeld naar Geanalyseerd")).toBeVisible();

  // Split out now, a signal keeps the bundle's phase on its own.
  const lonely = await inBundle(page, "flat niet meer uit").getByRole("link").getAttribute("href");
  await splitOut(page, "flat niet meer uit");
  await page.goto(lonely!);
  await expect(page.locator(".phase").first()).toHaveText("Geanalyseerd");
  await expect(page.getByText("Uit de bundel gehaald: Geanalyseerd")).toBeVisible();

  // Two people edit it from the same version: the second hears what changed meanwhile.
  await page.goto(path);
  const other = await page.context().newPage();
  await other.goto(path);
  await other.getByLabel("Titel", { exact: true }).fill("Eenzaamheid bij ouderen");
  await other.getByRole("button", { name: "Opslaan" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Eenzaamheid bij ouderen" })).toBeVisible();
  await page.getByRole("textbox", { name: "Analyse" }).fill("Twee organisaties zien het.");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText(/Iemand anders was je voor: titel, probleemstelling of analyse aangepast/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Eenzaamheid bij ouderen" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a bundle is made, moved and split with plain forms", async ({ page }) => {
    await page.goto("/aanmelden?volgende=/gent/bundels");
    await page.getByLabel("E-mailadres").fill(GENT_COORDINATOR);
    await page.getByLabel("Wachtwoord").fill("demo-seinhuis");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page).toHaveURL(/\/gent\/bundels$/);
    const path = await makeBundle(page, ["Zonder referentieadres geen uitkering", "Anderstalige ouders missen de informatie"], "Drempels bij diensten");
    await page.getByRole("button", { name: "Naar Geanalyseerd" }).click();
    await expect(page.locator("li.bundle-signal .phase")).toHaveText(["Geanalyseerd", "Geanalyseerd"]);
    await splitOut(page, "Anderstalige ouders");
    await expect(page.locator("li.bundle-signal")).toHaveCount(1);
    // An analysis with a phone number in it is refused, and comes back as typed.
    const analysis = "Het onthaal is alleen bereikbaar op 09 210 10 10.";
    await page.getByRole("textbox", { name: "Analyse" }).fill(analysis);
    await page.getByRole("button", { name: "Opslaan" }).click();
    await expect(page.getByText("‘09 210 10 10’ lijkt een telefoonnummer.")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Analyse" })).toHaveValue(analysis);
    // The last signal stays: the refusal is the server's, in Dutch.
    const last = inBundle(page, "Zonder referentieadres");
    await last.getByText("Uit de bundel halen…").click();
    await last.getByRole("button", { name: "Uit de bundel halen" }).click();
    await expect(page.getByText("Een bundel houdt minstens één signaal.")).toBeVisible();
    await page.goto(path);
    await expect(page.locator("li.bundle-signal")).toHaveCount(1);
  });
});
