import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { GENT_COORDINATOR, logIn, waitForHydration } from "./helpers";

// The forum preparation view: a coordinator plans a forum, drags an
// analysed bundle onto its agenda, compiles the dossier and its PDF, records
// a decision that starts a campaign, and closing the campaign tells the
// signaalgever. Two preparers edit one agenda at once.
const GENT_PROCESSOR = "bram.verhaeghe@gent.example";
const GENT_GIVER = "sofie.mertens@deschakel.example";
const BUNDLE = "Nieuwkomers uitgesloten op de private huurmarkt";
const SIGNAL = "Nieuwkomers krijgen geen kans op de private huurmarkt";
// Who reported the bundle's signals, and where they work: never in a dossier.
const REPORTERS = ["Sofie Mertens", "Marc Baert", "Katrien Desmet", "Sociaal Huis De Schakel"];

async function person(browser: Browser, email: string, next: string) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 2000 }, acceptDownloads: true });
  const page = await context.newPage();
  await logIn(page, email, next);
  await waitForHydration(page);
  return page;
}

async function planForum(page: Page, title: string) {
  await page.goto("/gent/overleg");
  await page.getByLabel("Soort overleg").selectOption({ label: "Forum" });
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Datum").fill("2027-05-20");
  await page.getByLabel("Beginuur").fill("14:00");
  await page.getByLabel("Duur (minuten)").fill("60");
  await page.getByLabel("Plaats").fill("Stadhuis, raadzaal");
  await page.getByRole("button", { name: "Plannen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Forum: ${title}` })).toBeVisible();
  await waitForHydration(page);
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
}

test("a coordinator prepares a forum from the candidates to a campaign that tells the signaalgever", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await person(browser, GENT_COORDINATOR, "/gent");
  await planForum(page, "Forum woonnood");

  // The candidates say why they rank; the analysed bundle is dragged onto the agenda.
  const candidate = page.locator("li.candidate").filter({ hasText: BUNDLE });
  await expect(candidate).toContainText("Geanalyseerd: klaar voor de agenda");
  await expect(candidate).toContainText(/Gezien door \d+ organisaties/);
  await candidate.dragTo(page.locator("ol.agenda-list"));
  const item = page.locator("article.agenda-item").filter({ hasText: BUNDLE });
  await expect(item).toBeVisible();
  await expect(page.locator("li.candidate").filter({ hasText: BUNDLE })).toHaveCount(0);
  await item.getByLabel("Duur (minuten)").fill("75");
  await item.getByLabel("Vraag aan de tafel").fill("Welke partners nemen de huurwaarborg op?");
  await item.getByRole("button", { name: "Bewaren" }).click();
  await expect(page.locator("p.agenda-total")).toHaveText("Te lang: 75 van 60 minuten: 15 minuten te veel.");
  await expect(page.locator("p.agenda-total")).toHaveClass(/over/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Its signals are Geagendeerd now, naming the meeting.
  const meeting = page.url();

  // The dossier holds the bundle's signals and analysis, and names no reporter.
  await page.getByRole("link", { name: "Dossier bekijken en afdrukken" }).click();
  const dossier = page.locator("article.dossier");
  await expect(dossier.getByRole("heading", { name: `1. ${BUNDLE}` })).toBeVisible();
  await expect(dossier).toContainText(SIGNAL);
  await expect(dossier).toContainText("Discriminatie, financiële drempels en slechte woonkwaliteit");
  await expect(dossier).toContainText("Welke partners nemen de huurwaarborg op?");
  for (const name of REPORTERS) await expect(dossier).not.toContainText(name);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // The PDF is a real PDF whose text holds the bundle and no reporter.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "PDF downloaden" }).click();
  const file = await (await download).path();
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
  expect(text).toContain("Nieuwkomers uitgesloten");
  expect(text).toContain("Welke partners nemen de huurwaarborg op?");
  for (const name of REPORTERS) expect(text).not.toContain(name);

  // The decision starts a campaign, prefilled from the bundle.
  await page.goto(meeting);
  const minutes = page.locator("article.minutes").filter({ hasText: BUNDLE });
  await minutes.getByLabel("Conclusies").fill("Alle partners herkennen het probleem.");
  await minutes.getByLabel("Beslissing").selectOption("campagne");
  await minutes.getByRole("button", { name: "Verslag bewaren" }).click();
  await expect(page).toHaveURL(/\/gent\/campagnes#campagne-\d+$/);
  const campaign = page.locator("section.campaign").filter({ hasText: BUNDLE });
  await expect(campaign).toContainText("Discriminatie, financiële drempels");
  await campaign.getByText("Actielijn toevoegen").click();
  await campaign.getByLabel("Actielijn").fill("Huurwaarborgfonds met het OCMW");
  await campaign.getByLabel("Trekker").selectOption({ label: "Bram Verhaeghe" });
  await campaign.getByRole("button", { name: "Toevoegen" }).click();
  await expect(page.locator("section.campaign").filter({ hasText: BUNDLE }).locator("tr", { hasText: "Huurwaarborgfonds" })).toContainText("Bram Verhaeghe");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // The minutes are a PDF too, with the conclusions and no reporter.
  await page.goto(meeting);
  const minutesPdf = page.waitForEvent("download");
  await page.getByRole("link", { name: "Verslag als PDF" }).click();
  const minutesText = execFileSync("pdftotext", ["-layout", await (await minutesPdf).path(), "-"]).toString();
  expect(minutesText).toContain("Alle partners herkennen het probleem.");
  expect(minutesText).toContain("Campagne");
  for (const name of REPORTERS) expect(minutesText).not.toContain(name);
  await page.getByRole("button", { name: "Verslag mailen naar de genodigden" }).click();
  await expect(page.getByText(/Het verslag is verstuurd naar \d+ genodigden/)).toBeVisible();

  // Its signals show In actie on the board.
  await page.goto("/gent/bord");
  await expect(page.locator('section.column[data-phase="in_action"]').locator("article.card", { hasText: SIGNAL })).toBeVisible();

  // Closing the campaign tells the signaalgever in Mijn signalen.
  await page.goto("/gent/campagnes");
  const running = page.locator("section.campaign").filter({ hasText: BUNDLE });
  await running.getByText("Campagne afronden").click();
  await running.getByLabel("Afloop").selectOption({ label: "Beleidsbeslissing" });
  await running.getByLabel("Bericht aan de signaalgevers").fill("De stad start een huurwaarborgfonds met de partners.");
  await running.getByRole("button", { name: "Afronden" }).click();
  await expect(page.locator("section.campaign").filter({ hasText: BUNDLE })).toContainText("Afgerond");
  const giver = await person(browser, GENT_GIVER, "/gent/mijn-signalen");
  await expect(giver.locator("main")).toContainText("De stad start een huurwaarborgfonds met de partners.");
});

test("two preparers edit one agenda live, and a stale edit is refused and told", async ({ browser }) => {
  test.setTimeout(90_000);
  const ines = await person(browser, GENT_COORDINATOR, "/gent");
  await planForum(ines, "Regisseursoverleg samen");
  const meeting = ines.url();
  const bram = await person(browser, GENT_PROCESSOR, "/gent");
  await bram.goto(meeting);
  await waitForHydration(bram);
  await expect(bram.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  // Ines puts a candidate on the agenda with the keyboard way; Bram sees it appear.
  const first = ines.locator("li.candidate").first();
  const title = (await first.locator("p.candidate-title").innerText()).replace(/^(Bundel|Signaal|Knelpunt)\s*/, "");
  await first.getByRole("button", { name: /op de agenda zetten/ }).click();
  const mine = ines.locator("article.agenda-item").filter({ hasText: title });
  const theirs = bram.locator("article.agenda-item").filter({ hasText: title });
  await expect(mine).toBeVisible();
  await expect(theirs).toBeVisible();

  // Both start from the same version; Ines saves first, and Bram hears it live.
  await theirs.getByLabel("Vraag aan de tafel").fill("Bram zijn vraag");
  await mine.getByLabel("Vraag aan de tafel").fill("Ines haar vraag");
  await mine.getByRole("button", { name: "Bewaren" }).click();
  await expect(ines.getByText(/is bewaard/).first()).toBeAttached();
  // Bram's save is refused and told; what he typed stays.
  await theirs.getByRole("button", { name: "Bewaren" }).click();
  await expect(theirs.getByRole("alert")).toContainText("Iemand anders heeft dit agendapunt intussen aangepast");
  await expect(theirs.getByLabel("Vraag aan de tafel")).toHaveValue("Bram zijn vraag");
  await expect(theirs).toContainText("Nu bewaard: 15 minuten, vraag: Ines haar vraag.");
  // Saving again, knowingly, works; Ines sees his question live.
  await theirs.getByRole("button", { name: "Bewaren" }).click();
  await expect(mine.getByLabel("Vraag aan de tafel")).toHaveValue("Bram zijn vraag");
});
