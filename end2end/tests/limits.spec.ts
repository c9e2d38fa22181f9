import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { GENT_COORDINATOR, logIn } from "./helpers";

const column = (page: Page, phase: string) => page.locator(`section.column[data-phase="${phase}"]`);

/** The board's limits section of the settings page. */
const limits = (page: Page) => page.getByRole("region", { name: "Het bord" });

async function saveLimits(page: Page, submitted: string, days: string) {
  await page.goto("/gent/beheer/instellingen");
  const form = limits(page);
  await form.getByLabel("Ingediend", { exact: true }).fill(submitted);
  await form.getByLabel("Screeningstermijn (dagen)").fill(days);
  await form.getByRole("button", { name: "Limieten bewaren" }).click();
}

test("the coordinator sets a column limit and a screening deadline, and the board marks both in words", async ({ page }) => {
  await logIn(page, GENT_COORDINATOR, "/gent/beheer/instellingen");
  await expect(page.getByRole("group", { name: "Zachte limiet per kolom" })).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => v.id)).toEqual([]);

  // Bad input: a Dutch message, and the form keeps what was typed.
  await saveLimits(page, "tien", "1");
  await expect(limits(page).getByText("De zachte limiet van ‘Ingediend’ moet een heel getal van 1 tot 10000 zijn")).toBeVisible();
  await expect(limits(page).getByLabel("Ingediend", { exact: true })).toHaveValue("tien");
  await expect(limits(page).getByLabel("Screeningstermijn (dagen)")).toHaveValue("1");
  const afterError = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(afterError.violations.map((v) => v.id)).toEqual([]);

  await saveLimits(page, "1", "1");
  await expect(limits(page).getByLabel("Ingediend", { exact: true })).toHaveValue("1");
  await expect(limits(page).getByLabel("Screeningstermijn (dagen)")).toHaveValue("1");

  await page.goto("/gent/bord");
  const submitted = column(page, "submitted");
  await expect(submitted).toHaveClass(/over-limit/);
  await expect(submitted.getByText("Boven de limiet van 1")).toBeVisible();
  // Other columns have no limit.
  await expect(column(page, "in_screening")).not.toHaveClass(/over-limit/);
  // The demo's Ingediend signals are days old: at least one waits too long.
  const overdue = submitted.locator("article.card.overdue");
  expect(await overdue.count()).toBeGreaterThan(0);
  await expect(overdue.first().getByText(/^Wacht al \d+ dagen? op screening$/)).toBeVisible();

  // Audit log names the change.
  await page.goto("/gent/beheer/auditlog");
  await expect(page.getByText("bordlimieten-gewijzigd").first()).toBeVisible();

  // Cleared again (the other specs share this server): no marks.
  await saveLimits(page, "", "");
  await expect(limits(page).getByLabel("Ingediend", { exact: true })).toHaveValue("");
  await page.goto("/gent/bord");
  await expect(column(page, "submitted")).not.toHaveClass(/over-limit/);
  await expect(page.locator("article.card.overdue")).toHaveCount(0);
});
