import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-seinhuis";
export const GENT_COORDINATOR = "ines.claeys@gent.example";

/** Log in through the real form and wait until the page is interactive. */
export async function logIn(page: Page, email: string, next = "/") {
  await page.goto(`/aanmelden?volgende=${encodeURIComponent(next)}`);
  await waitForHydration(page);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/\//g, "\\/")}$`));
}

export async function waitForHydration(page: Page) {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
}

/** Everything the form asks besides the texts. */
export async function fillTheRest(page: Page) {
  await page.getByLabel("Mensen in armoede").check();
  await page.getByLabel("Financiële situatie").check();
  await page.getByLabel("Hoe vaak kom je het tegen?").selectOption("wekelijks");
  await page.getByLabel("Sinds wanneer?").fill("voorjaar 2026");
  await page.getByLabel("Hoeveel mensen ongeveer?").fill("12");
  await page.getByLabel("Wat werd al geprobeerd?").fill("We verwezen door naar de schuldbemiddeling, maar daar is een wachtlijst.");
  await page.getByLabel("Ja", { exact: true }).check();
  await page.getByLabel("Het gaat verder dan één persoon.").check();
  await page.getByLabel("Ik kom het steeds opnieuw tegen.").check();
  await page.getByLabel(/Er zit iets structureels achter/).check();
}

/** Send a new signal through the intake form, as a logged-in signaalgever. */
export async function sendSignal(page: Page, tenant: string, title: string, description: string) {
  await page.goto(`/${tenant}/signaleren`);
  await waitForHydration(page);
  await page.getByLabel("Korte titel").fill(title);
  await page.getByLabel("Wat zie je?").fill(description);
  await fillTheRest(page);
  await page.getByRole("button", { name: "Signaal versturen" }).click();
  await expect(page.getByRole("heading", { name: "Bedankt, je signaal is verstuurd" })).toBeVisible();
}
