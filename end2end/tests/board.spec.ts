import { expect, test } from "@playwright/test";
import { GENT_COORDINATOR, logIn, waitForHydration } from "./helpers";

const column = (page, phase: string) => page.locator(`section.column[data-phase="${phase}"]`);

test("a coordinator moves a signal and finds it in its new column after a reload", async ({ page }) => {
  await logIn(page, GENT_COORDINATOR, "/gent/bord");
  await waitForHydration(page);

  const card = column(page, "submitted").locator("article.card").first();
  const id = await card.getAttribute("data-signal");
  expect(id).toBeTruthy();
  const title = (await card.locator(".card-title").innerText()).trim();

  await card.locator("details.move > summary").click();
  await card.getByLabel("Naar fase").selectOption("in_screening");
  await card.getByRole("button", { name: "Verplaats" }).click();

  const moved = column(page, "in_screening").locator(`article.card[data-signal="${id}"]`);
  await expect(moved).toBeVisible();
  await expect(column(page, "submitted").locator(`article.card[data-signal="${id}"]`)).toHaveCount(0);

  await page.reload();
  await waitForHydration(page);
  await expect(column(page, "in_screening").locator(`article.card[data-signal="${id}"]`)).toBeVisible();

  // Its own page shows the move in the history.
  await page.goto(`/gent/signalen/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Van Ingediend naar In screening")).toBeVisible();
});

test("an illegal move is refused with a Dutch explanation and changes nothing", async ({ page }) => {
  await logIn(page, GENT_COORDINATOR, "/gent/bord");
  await waitForHydration(page);

  const card = column(page, "submitted").locator("article.card").last();
  const id = await card.getAttribute("data-signal");
  await card.locator("details.move > summary").click();
  await card.getByLabel("Naar fase").selectOption("closed");
  await card.getByRole("button", { name: "Verplaats" }).click();

  await expect(page.getByText("Kies hoe het signaal afloopt.").or(page.getByText("Een signaal kan niet van ‘Ingediend’ naar ‘Afgerond’."))).toBeVisible();
  await page.reload();
  await expect(column(page, "submitted").locator(`article.card[data-signal="${id}"]`)).toBeVisible();
});

test("the board asks to log in first, and a signaalgever gets no access", async ({ page }) => {
  await page.goto("/gent/bord");
  await expect(page.getByRole("heading", { name: "Aanmelden nodig" })).toBeVisible();

  await logIn(page, "sofie.mertens@deschakel.example", "/gent/bord");
  await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
});
