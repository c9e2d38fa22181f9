import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { logIn, sendSignal } from "./helpers";
import { mailedLink } from "./mailbox";

const WORKER = "sofie.mertens@deschakel.example";
const KORTRIJK_COORDINATOR = "wouter.vanneste@kortrijk.example";

async function noAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

test("a signaalgever follows their signals, adds information and withdraws one", async ({ page }) => {
  await logIn(page, WORKER, "/gent");
  const title = `Geen zwemles voor kinderen met een beperking ${Date.now()}`;
  await sendSignal(page, "gent", title, "Kinderen met een beperking kunnen nergens zwemles volgen: de zwembaden hebben geen begeleiding.");
  await page.goto("/gent/mijn-signalen");
  await expect(page.getByRole("heading", { level: 1, name: /Mijn signalen/ })).toBeVisible();
  await noAxeViolations(page);

  // A signal still Ingediend can get more information.
  const open = page.locator("li.followed", { hasText: title });
  const id = await open.getAttribute("data-signal");
  await open.getByText("Informatie toevoegen").click();
  await open.getByLabel("Wat wil je toevoegen?").fill("Intussen zien we dit ook bij alleenstaande vaders.");
  await open.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.getByText("Bedankt: je aanvulling staat bij je signaal.")).toBeVisible();
  const same = page.locator(`li.followed[data-signal="${id}"]`);
  await same.getByText("Wat er met dit signaal gebeurde").click();
  await expect(same.getByText("Intussen zien we dit ook bij alleenstaande vaders.")).toBeVisible();

  // And it can be withdrawn.
  await same.getByRole("button", { name: "Signaal intrekken" }).click();
  await expect(page.getByText("Je signaal is ingetrokken.")).toBeVisible();
  await expect(page.locator(`li.followed[data-signal="${id}"] .phase`)).toHaveText("Ingetrokken");
});

test("a citizen's report counts only after the e-mail confirmation, and only where the tenant allows it", async ({ page, browser }) => {
  // Gent takes no citizens' reports: no public form.
  await page.goto("/gent/signaleren");
  await expect(page.getByRole("heading", { name: "Aanmelden nodig" })).toBeVisible();
  await expect(page.getByLabel("Je e-mailadres")).toHaveCount(0);

  // Kortrijk does.
  await page.goto("/kortrijk/signaleren");
  await expect(page.getByRole("heading", { name: /Een probleem melden bij/ })).toBeVisible();
  await noAxeViolations(page);
  const title = `Geen schaduw op de speelpleinen ${Date.now()}`;
  await page.getByLabel("Korte titel").fill(title);
  await page.getByLabel("Je e-mailadres").fill("geen-adres");
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await expect(page.getByText("Je melding is nog niet verstuurd.")).toBeVisible();
  await expect(page.getByLabel("Korte titel")).toHaveValue(title);
  await noAxeViolations(page);

  await page.getByLabel("Wat is het probleem?").fill("In de zomer kunnen kinderen met een beperking niet buiten spelen: er is nergens schaduw.");
  await page.getByLabel("Waar speelt het?").selectOption("Heule");
  const citizen = `ouder.${Date.now()}@voorbeeld.example`;
  await page.getByLabel("Je e-mailadres").fill(citizen);
  await page.getByRole("button", { name: "Melding versturen" }).click();
  await expect(page.getByRole("heading", { name: "Bijna klaar: kijk in je mailbox" })).toBeVisible();

  // Not on the board before the confirmation.
  const staff = await browser.newContext();
  const coordinator = await staff.newPage();
  await logIn(coordinator, KORTRIJK_COORDINATOR, "/kortrijk/bord");
  await expect(coordinator.locator("article.card", { hasText: title })).toHaveCount(0);

  // The link from the mail, as it arrived, and one click confirm it.
  const confirm = await mailedLink(citizen, "/signaleren/bevestigen/");
  await page.goto(new URL(confirm).pathname);
  await page.getByRole("button", { name: "Ja, bevestig mijn melding" }).click();
  await expect(page.getByRole("heading", { name: "Je melding is bevestigd" })).toBeVisible();

  await coordinator.goto("/kortrijk/bord");
  const card = coordinator.locator('section.column[data-phase="submitted"] article.card', { hasText: title });
  await expect(card).toBeVisible();
  await expect(card.locator(".tag")).toHaveText("burger");
  await staff.close();
});
