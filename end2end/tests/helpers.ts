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
