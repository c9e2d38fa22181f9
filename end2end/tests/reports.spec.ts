import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { GENT_COORDINATOR, logIn } from "./helpers";
import { mailedLink } from "./mailbox";

// Reports for officials: a mandataris reads the dashboard and downloads it
// as a workbook; the coordinator composes a signalenbundel, a partner
// approves its part by the link in its mail, it is published, and a visitor
// finds it on the public page.
const GENT_MANDATARIS = "hanne.vermeulen@gent.example";
// Reporters of Gent's demo signals: never in a report, export or publication.
const REPORTERS = ["Sofie Mertens", "Marc Baert", "Katrien Desmet", "Youssef Benali", "sofie.mertens@"];

async function person(browser: Browser, email: string, next: string) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1800 }, acceptDownloads: true });
  const page = await context.newPage();
  await logIn(page, email, next);
  return page;
}

/** The rows (label and first figure) of a workbook's sheet named `sheet`, read with Python's zipfile. */
function sheetRows(file: string, sheet: string): string[][] {
  const script = `
import sys, zipfile, re, json
from xml.etree import ElementTree as ET
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
z = zipfile.ZipFile(sys.argv[1])
shared = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
        shared.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
book = ET.fromstring(z.read("xl/workbook.xml"))
rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
target = None
for s in book.find("m:sheets", ns):
    if s.get("name") == sys.argv[2]:
        rid = s.get("{%s}id" % ns["r"])
        target = [r.get("Target") for r in rels if r.get("Id") == rid][0]
rows = []
for row in ET.fromstring(z.read("xl/" + target.lstrip("/").replace("xl/", ""))).iter("{%s}row" % ns["m"]):
    cells = []
    for c in row.findall("m:c", ns):
        v = c.find("m:v", ns)
        text = "" if v is None else v.text
        if c.get("t") == "s": text = shared[int(text)]
        elif c.get("t") == "inlineStr": text = "".join(t.text or "" for t in c.iter("{%s}t" % ns["m"]))
        cells.append(text)
    rows.append(cells)
print(json.dumps(rows))
`;
  return JSON.parse(execFileSync("python3", ["-c", script, file, sheet]).toString());
}

test("a mandataris reads the dashboard for two years, filters a domain and downloads the same figures", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await person(browser, GENT_MANDATARIS, "/gent");
  await page.getByRole("link", { name: "Rapporten", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rapporten");
  await page.getByLabel("Periode", { exact: true }).selectOption({ label: "De laatste twee jaar" });
  await page.getByRole("button", { name: "Toon" }).click();
  await expect(page).toHaveURL(/periode=twee-jaar/);
  const phases = page.locator('section[data-table="fase"]');
  await expect(phases.locator("svg.chart rect")).not.toHaveCount(0);
  await expect(phases.locator("table.figures tbody tr")).not.toHaveCount(0);
  await expect(page.locator('section[data-table="doorlooptijd"] table')).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  const everything = await page.locator('[data-figure="ontvangen"]').innerText();

  // One policy domain: the URL says so and the figures narrow.
  await page.getByLabel("Beleidsdomein", { exact: true }).selectOption({ label: "Wonen" });
  await page.getByRole("button", { name: "Toon" }).click();
  await expect(page).toHaveURL(/domein=\d+/);
  await expect(page.locator("#overzicht")).toContainText("Wonen");
  const wonen = await page.locator('[data-figure="ontvangen"]').innerText();
  expect(wonen).not.toEqual(everything);

  // The workbook holds the same figures as the page's table.
  const onPage = await phases.locator("table.figures tbody tr").evaluateAll((rows) =>
    rows.map((r) => [r.querySelector("th")!.textContent!.trim(), r.querySelector("td")!.textContent!.trim()]),
  );
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Alle tabellen als Excel (XLSX)" }).click();
  const file = await (await download).path();
  const sheet = sheetRows(file, "Signalen per fase").slice(1).filter((r) => r.length >= 2 && r[0] !== "");
  expect(sheet.map((r) => [r[0], r[1]]).slice(0, onPage.length)).toEqual(onPage);
  const about = JSON.stringify(sheetRows(file, "Over"));
  for (const name of REPORTERS) expect(about).not.toContain(name);
});

async function publicationPage(page: Page, title: string) {
  await page.goto("/gent/signalenbundels");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("the coordinator composes a signalenbundel, a partner approves it by its link, and the public finds it", async ({ browser }) => {
  test.setTimeout(150_000);
  const TITLE = `Signalenbundel e2e ${Date.now()}`;
  const page = await person(browser, GENT_COORDINATOR, "/gent");
  await page.goto("/gent/signalenbundels");
  const composer = page.locator("section").filter({ has: page.getByRole("heading", { name: "Nieuwe signalenbundel" }) });
  await composer.getByLabel("Titel").fill(TITLE);
  await composer.getByLabel("Inleiding").fill("Wat partners en stad samen deden met de signalen van de voorbije twee jaar.");
  const bundles = composer.locator(".check").filter({ hasText: /Bundel: .*\((In actie|Afgerond)\)/ });
  expect(await bundles.count()).toBeGreaterThan(0);
  const chosen: string[] = [];
  for (const box of await bundles.all()) {
    await box.locator("input").check();
    chosen.push((await box.locator("label").innerText()).replace(/^Bundel: /, "").replace(/\s*\((In actie|Afgerond)\)$/, "").trim());
  }
  await composer.getByRole("button", { name: "Signalenbundel maken" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De signalenbundel is bewaard." })).toBeVisible();
  await publicationPage(page, TITLE);
  for (const title of chosen) await expect(page.locator("article.publication")).toContainText(title);

  // The partners named in it are asked; one approves by the link in its mail.
  await page.getByRole("button", { name: "Voorleggen aan de partners" }).click();
  await expect(page.getByRole("status").filter({ hasText: /We vroegen \d+ partners? om akkoord/ })).toBeVisible();
  await publicationPage(page, TITLE);
  const row = page.locator("table.approvals tbody tr").first();
  const partner = (await row.locator("td").nth(0).innerText()).trim();
  const contact = (await row.locator("td").nth(1).innerText()).trim();
  await expect(row).toContainText("Wacht op antwoord");
  const link = await mailedLink(contact, "/signalenbundels/akkoord/");

  const visitor = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText(TITLE);
  await expect(visitor.getByRole("note")).toContainText(partner);
  expect((await new AxeBuilder({ page: visitor }).analyze()).violations).toEqual([]);
  await visitor.getByRole("button", { name: "Antwoord versturen" }).click();
  await expect(visitor.getByRole("status").filter({ hasText: "Bedankt" })).toBeVisible();
  // The link works once.
  await visitor.goto(link);
  await expect(visitor.locator("[data-closed]")).toContainText("maar één keer");

  await publicationPage(page, TITLE);
  await expect(page.locator("table.approvals tbody tr").filter({ hasText: partner })).toContainText("Akkoord");
  await page.getByRole("button", { name: "Publiceren" }).click();
  await expect(page.getByRole("status").filter({ hasText: "gepubliceerd" })).toBeVisible();
  await publicationPage(page, TITLE);
  await expect(page.locator(".status-line")).toContainText("Gepubliceerd");

  // The PDF holds the bundles' titles and no reporter.
  const pdf = page.waitForEvent("download");
  await page.getByRole("link", { name: "PDF", exact: true }).click();
  // Words broken over lines by hyphenation are joined again, on both sides.
  const flat = (s: string) => s.replace(/\s+/g, " ").replace(/- /g, "");
  const text = flat(execFileSync("pdftotext", [await (await pdf).path(), "-"]).toString());
  expect(text).toContain(flat(TITLE));
  for (const title of chosen) expect(text).toContain(flat(title));
  for (const name of REPORTERS) expect(text).not.toContain(name);

  // A visitor without an account finds it on the public page, on a phone.
  await visitor.goto("/gent/publiek");
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText("Signalen in");
  const listed = visitor.getByRole("link", { name: TITLE });
  await expect(listed).toBeVisible();
  expect((await new AxeBuilder({ page: visitor }).analyze()).violations).toEqual([]);
  await listed.click();
  await expect(visitor.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const body = await visitor.locator("main").innerText();
  for (const name of REPORTERS) expect(body).not.toContain(name);
});
