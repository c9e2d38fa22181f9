import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { GENT_COORDINATOR, fillTheRest, logIn, waitForHydration } from "./helpers";

const WORKER = "sofie.mertens@deschakel.example";

async function noAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

/** A coordinator, in a browser of their own, finds the signal on the board as Ingediend. */
async function onTheBoardAsSubmitted(browser: Browser, title: string) {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const page = await context.newPage();
  await logIn(page, GENT_COORDINATOR, "/gent/bord");
  const card = page.locator('section.column[data-phase="submitted"] article.card', { hasText: title });
  await expect(card).toBeVisible();
  await context.close();
}

test("a signaalgever is warned about a national register number, sees a similar signal and sends a new one", async ({ page, browser }) => {
  const wasm: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith(".wasm")) wasm.push(new URL(request.url()).pathname);
  });
  await logIn(page, WORKER, "/gent/signaleren");
  await waitForHydration(page);
  wasm.length = 0;
  await page.reload();
  await waitForHydration(page);
  expect(wasm, "the intake page loads the intake islands bundle, not the workspace's").toEqual(["/pkg/intake_bg.wasm"]);
  await noAxeViolations(page);
  expect((await page.request.get("/favicon.svg")).ok(), "the page icon is served, not taken for a tenant").toBe(true);

  // A national register number is flagged at once, and blocks sending until rewritten.
  const title = `Wachtlijst schuldbemiddeling ${Date.now()}`;
  await page.getByLabel("Korte titel").fill(title);
  const description = page.getByLabel("Wat zie je?");
  await description.fill(
    "Een jonge moeder (85.07.30-033.28) en veel andere gezinnen wachten maanden op schuldbemiddeling terwijl de schulden oplopen.",
  );
  const warning = page.locator(".privacy", { hasText: "85.07.30-033.28" });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("rijksregisternummer");
  // Errors show while typing, next to their field.
  const titleErrors = page.locator("#titel-fout");
  await page.getByLabel("Korte titel").fill("");
  await expect(titleErrors).toHaveText("Geef je signaal een korte titel.");
  await expect(page.getByLabel("Korte titel")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Korte titel").fill(title);
  await expect(titleErrors).toBeEmpty();
  await expect(page.locator("#titel-uitleg .counter")).toHaveText(`${title.length} / 120 tekens`);

  // The policy domain is suggested, and taken over only when asked.
  const suggestion = page.locator("#beleidsdomein-voorstel");
  await expect(suggestion).toContainText("Voorstel:");
  await expect(page.getByLabel("Beleidsdomein")).toHaveValue("");
  await suggestion.getByRole("button", { name: "Neem dit over" }).click();
  await expect(page.getByLabel("Beleidsdomein")).not.toHaveValue("");
  await expect(suggestion).toBeEmpty();

  await fillTheRest(page);
  await page.getByRole("button", { name: "Signaal versturen" }).click();
  await expect(page.getByText("Je signaal is nog niet verstuurd.")).toBeVisible();
  await expect(page.locator("#fouten")).toBeFocused();
  await expect(page).toHaveURL(/\/gent\/signaleren$/);
  await noAxeViolations(page);
  await description.fill("Jonge gezinnen wachten maanden op schuldbemiddeling en intussen lopen hun energieschulden verder op.");
  await expect(page.locator(".privacy")).toHaveCount(0);

  // A similar demo signal shows up; "ik zie dit ook" records a sighting on it.
  const similar = page.locator(".similar-card", { hasText: "energieschulden" }).first();
  await expect(similar).toBeVisible();
  const seenBefore = (await similar.locator(".card-meta").innerText()).match(/gezien door (\d+)/)![1];
  await similar.getByRole("button", { name: "Ik zie dit ook" }).click();
  await expect(similar.getByLabel("Wat zie jij? (niet verplicht)"), "focus follows for keyboard users").toBeFocused();
  await similar.getByLabel("Wat zie jij? (niet verplicht)").fill("Ook bij ons, vooral bij jonge gezinnen.");
  await similar.getByRole("button", { name: "Bevestig: ik zie dit ook" }).click();
  await expect(similar.getByText("Genoteerd: je organisatie ziet dit ook.")).toBeFocused();
  await expect(similar.locator(".card-meta")).not.toContainText(`gezien door ${seenBefore} `);

  // The new signal is sent, and is on the board as Ingediend.
  await page.getByRole("button", { name: "Signaal versturen" }).click();
  await expect(page).toHaveURL(/\/gent\/signaleren\/verstuurd\/\d+$/);
  await expect(page.getByRole("heading", { name: "Bedankt, je signaal is verstuurd" })).toBeVisible();
  await noAxeViolations(page);
  await onTheBoardAsSubmitted(browser, title);

  // The sent draft is gone: the next signal starts empty.
  await page.getByRole("link", { name: "Nog een signaal melden" }).click();
  await waitForHydration(page);
  await expect(page.getByLabel("Korte titel")).toHaveValue("");
  await expect(page.getByText("We zetten je concept van daarnet terug.")).toHaveCount(0);
});

test("a flagged passage that is not personal data can be confirmed and sent", async ({ page }) => {
  await logIn(page, WORKER, "/gent/signaleren");
  await waitForHydration(page);
  const title = `Onthaal enkel telefonisch ${Date.now()}`;
  await page.getByLabel("Korte titel").fill(title);
  await page.getByLabel("Wat zie je?").fill("Het onthaal van de dienst is alleen bereikbaar op 09 210 10 10 en veel mensen geraken er niet door.");
  const warning = page.locator("#wat-privacy .privacy");
  await expect(warning).toContainText("09 210 10 10");
  await fillTheRest(page);
  await page.getByRole("button", { name: "Signaal versturen" }).click();
  await expect(page.locator("#fouten")).toContainText("09 210 10 10");

  // The number is the service's own: confirming it lets the signal go.
  await page.getByLabel("‘09 210 10 10’ is geen persoonsgegeven").check();
  await expect(page.locator("#wat-fout"), "the error goes as soon as it is confirmed").toBeEmpty();
  await page.getByRole("button", { name: "Signaal versturen" }).click();
  await expect(page.getByRole("heading", { name: "Bedankt, je signaal is verstuurd" })).toBeVisible();
});

test("a draft survives a closed tab", async ({ page }) => {
  await logIn(page, WORKER, "/gent/signaleren");
  await waitForHydration(page);
  await page.getByLabel("Korte titel").fill("Concept dat niet verloren mag gaan");
  await page.getByLabel("Wat zie je?").fill("Het onthaal is alleen bereikbaar op 09 210 10 10, ook bij een crisis.");
  const confirmation = page.getByLabel("‘09 210 10 10’ is geen persoonsgegeven");
  await confirmation.check();
  await page.goto("/gent");
  await page.goto("/gent/signaleren");
  await waitForHydration(page);
  await expect(page.getByLabel("Korte titel")).toHaveValue("Concept dat niet verloren mag gaan");
  await expect(confirmation, "confirmations come back with the draft").toBeChecked();
  await expect(page.getByText("We zetten je concept van daarnet terug.")).toBeVisible();
  await page.getByRole("button", { name: "Begin opnieuw" }).click();
  await expect(page.getByLabel("Korte titel")).toHaveValue("");
  await expect(page.getByLabel("Korte titel")).toBeFocused();
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByText("We zetten je concept van daarnet terug.")).toHaveCount(0);
});

test("what is typed while the page still loads wins over a draft kept from before", async ({ page }) => {
  await logIn(page, WORKER, "/gent/signaleren");
  await waitForHydration(page);
  const before = "Een concept van vroeger";
  await page.getByLabel("Korte titel").fill(before);
  await expect(page.locator("#titel-uitleg .counter"), "kept as a draft by now").toHaveText(`${before.length} / 120 tekens`);

  // A slow phone: the form is there, its bundle is not yet.
  let arrive!: () => void;
  const held = new Promise<void>((resolve) => (arrive = resolve));
  await page.route("**/pkg/intake_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.reload({ waitUntil: "domcontentloaded" });
  const typed = "Getypt terwijl de pagina nog laadde";
  await page.getByLabel("Korte titel").fill(typed);
  arrive();
  await waitForHydration(page);
  await expect(page.locator("#titel-uitleg .counter")).toHaveText(`${typed.length} / 120 tekens`);
  await expect(page.getByLabel("Korte titel")).toHaveValue(typed);
  await expect(page.getByText("We zetten je concept van daarnet terug.")).toHaveCount(0);
});

test("on the citizens' form too, what is typed while the page still loads is kept", async ({ page }) => {
  let arrive!: () => void;
  const held = new Promise<void>((resolve) => (arrive = resolve));
  await page.route("**/pkg/intake_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/kortrijk/signaleren", { waitUntil: "domcontentloaded" });
  const typed = "Geen schaduw op het speelplein";
  await page.getByLabel("Korte titel").fill(typed);
  arrive();
  await waitForHydration(page);
  await expect(page.locator("#titel-uitleg .counter")).toHaveText(`${typed.length} / 120 tekens`);
  await expect(page.getByLabel("Korte titel")).toHaveValue(typed);
});

test("a dropped connection loses nothing: the page says it could not send, keeps everything, and sends once back online", async ({
  page,
  context,
}) => {
  await logIn(page, WORKER, "/gent/signaleren");
  await waitForHydration(page);
  const title = `Geen tolk bij het OCMW ${Date.now()}`;
  const description = "Anderstalige gezinnen krijgen bij het OCMW geen tolk en begrijpen niet welke papieren ze moeten brengen.";
  await page.getByLabel("Korte titel").fill(title);
  await page.getByLabel("Wat zie je?").fill(description);
  await fillTheRest(page);

  // The connection drops while the person sends.
  await context.setOffline(true);
  await page.getByRole("button", { name: "Signaal versturen" }).click();
  await expect(page.getByRole("alert")).toContainText("Je signaal is niet verstuurd.");
  await expect(page).toHaveURL(/\/gent\/signaleren$/);
  await expect(page.getByLabel("Korte titel")).toHaveValue(title);
  await expect(page.getByLabel("Wat zie je?")).toHaveValue(description);
  await expect(page.getByLabel("Hoe vaak kom je het tegen?")).toHaveValue("wekelijks");
  await expect(page.getByLabel("Ik kom het steeds opnieuw tegen.")).toBeChecked();

  // Back online, a reload before sending again brings the draft back.
  await context.setOffline(false);
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByText("We zetten je concept van daarnet terug.")).toBeVisible();
  await expect(page.getByLabel("Korte titel")).toHaveValue(title);
  await expect(page.getByLabel("Wat zie je?")).toHaveValue(description);
  await expect(page.getByLabel("Hoe vaak kom je het tegen?")).toHaveValue("wekelijks");
  await expect(page.getByLabel("Mensen in armoede")).toBeChecked();

  // Offline again, then back: sending works.
  await context.setOffline(true);
  await page.getByRole("button", { name: "Signaal versturen" }).click();
  await expect(page.getByRole("alert")).toContainText("Je signaal is niet verstuurd.");
  await context.setOffline(false);
  await page.getByRole("button", { name: "Signaal versturen" }).click();
  await expect(page.getByRole("heading", { name: "Bedankt, je signaal is verstuurd" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form validates on the server, keeps what was typed, and sends", async ({ page, browser }) => {
    await page.goto("/aanmelden?volgende=/gent/signaleren");
    await page.getByLabel("E-mailadres").fill(WORKER);
    await page.getByLabel("Wachtwoord").fill("demo-seinhuis");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page).toHaveURL(/\/gent\/signaleren$/);
    await expect(page.locator("aside.similar"), "similar signals need the script").toBeHidden();

    const title = `Geen kinderopvang bij opleiding ${Date.now()}`;
    await page.getByLabel("Korte titel").fill(title);
    await page.getByLabel("Wat zie je?").fill("Ouders die een opleiding volgen vinden geen plaats in de kinderopvang en haken af.");
    await page.getByRole("button", { name: "Signaal versturen" }).click();

    // Errors next to their fields; what was typed is still there.
    await expect(page.getByText("Je signaal is nog niet verstuurd.")).toBeVisible();
    await expect(page.getByText("Kies hoe vaak je het tegenkomt.").first()).toBeVisible();
    await expect(page.getByLabel("Korte titel")).toHaveValue(title);
    await expect(page.getByLabel("Wat zie je?")).toHaveValue(/geen plaats in de kinderopvang/);
    await expect(page.getByLabel("Hoe vaak kom je het tegen?")).toHaveAttribute("aria-invalid", "true");

    await fillTheRest(page);
    await page.getByRole("button", { name: "Signaal versturen" }).click();
    await expect(page).toHaveURL(/\/gent\/signaleren\/verstuurd\/\d+$/);
    await expect(page.getByRole("heading", { name: "Bedankt, je signaal is verstuurd" })).toBeVisible();
    await onTheBoardAsSubmitted(browser, title);
  });

  test("the citizens' form validates on the server and keeps what was typed", async ({ page }) => {
    await page.goto("/kortrijk/signaleren");
    const title = `Geen zitbanken aan de bushalte ${Date.now()}`;
    await page.getByLabel("Korte titel").fill(title);
    await page.getByLabel("Wat is het probleem?").fill("Oudere buren kunnen niet lang rechtstaan en nemen de bus niet meer.");
    await page.getByLabel("Je e-mailadres").fill("geen-adres");
    await page.getByRole("button", { name: "Melding versturen" }).click();
    await expect(page.getByText("Je melding is nog niet verstuurd.")).toBeVisible();
    await expect(page.locator("#e-mail-fout")).not.toBeEmpty();
    await expect(page.getByLabel("Je e-mailadres")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Korte titel")).toHaveValue(title);
    await expect(page.getByLabel("Wat is het probleem?")).toHaveValue(/niet lang rechtstaan/);
  });
});
