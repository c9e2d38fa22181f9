import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { GENT_COORDINATOR, logIn } from "./helpers";

const GENT_GIVER = "youssef.benali@deoverstap.example";
const GENT_REGISSEUR = "joris.wuytack@gent.example"; // signaalverwerker and regisseur

test("the header's menu offers what a person's roles open, and marks the page they are on", async ({ page }) => {
  await logIn(page, GENT_COORDINATOR, "/gent/bord");
  const menu = page.getByRole("navigation", { name: "Menu Stad Gent" });
  await expect(menu.getByRole("link")).toHaveText(["Bord", "Bundels", "Knelpunten", "Overleg", "Campagnes", "Rapporten", "Signalenbundels", "Beheer"]);
  await expect(menu.getByRole("link", { name: "Bord" })).toHaveAttribute("aria-current", "page");
  await menu.getByRole("link", { name: "Bundels", exact: true }).click();
  await expect(page).toHaveURL(/\/gent\/bundels$/);
  await expect(menu.getByRole("link", { name: "Bundels", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(menu.getByRole("link", { name: "Bord" })).not.toHaveAttribute("aria-current", "page");
});

test("a signaalgever's menu and home lead to reporting and following, never to the board", async ({ page }) => {
  await logIn(page, GENT_GIVER, "/gent");
  const menu = page.getByRole("navigation", { name: "Menu Stad Gent" });
  await expect(menu.getByRole("link")).toHaveText(["Signaleren", "Mijn signalen"]);
  const home = page.getByRole("main");
  await expect(home.getByRole("link", { name: "Mijn signalen volgen" })).toBeVisible();
  await expect(home.getByRole("link", { name: "Naar het bord" })).toHaveCount(0);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
});

test("a processor's home says how many signals wait for screening, and leads to the board", async ({ page }) => {
  await logIn(page, GENT_COORDINATOR, "/gent");
  const waits = page.getByRole("region", { name: "Wat wacht op jou" });
  await expect(waits).toContainText(/\d+ signa(al|len) ingediend en \d+ in screening wachten op screening|Er wacht geen signaal op screening/);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);
  await waits.getByRole("link", { name: "Naar het bord" }).click();
  await expect(page).toHaveURL(/\/gent\/bord$/);
});

test("a regisseur who also processes sees the board and the bundles", async ({ page }) => {
  await logIn(page, GENT_REGISSEUR, "/gent");
  await expect(page.getByRole("navigation", { name: "Menu Stad Gent" }).getByRole("link")).toHaveText(["Bord", "Bundels", "Knelpunten", "Overleg", "Campagnes", "Rapporten"]);
});
