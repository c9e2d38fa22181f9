import { expect, test } from "@playwright/test";
import { GENT_COORDINATOR, logIn, waitForHydration } from "./helpers";
import { mailedLink } from "./mailbox";

test("a coordinator invites a signaalgever who sets a password and gets exactly their rights", async ({ page, browser }) => {
  const email = `nieuwe.collega.${Date.now()}@voorbeeld.example`;

  // The hoofdsignaalverwerker invites a person as signaalgever.
  await logIn(page, GENT_COORDINATOR, "/gent/beheer/mensen");
  await waitForHydration(page);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Naam", { exact: true }).fill("Nieuwe Collega");
  await page.getByLabel("Rol").selectOption("signaalgever");
  await page.getByRole("button", { name: "Uitnodigen" }).first().click();
  await expect(page.getByText(`Uitnodiging verstuurd naar ${email}`)).toBeVisible();

  // The outbox page shows the mail with its link masked ...
  await page.goto("/gent/beheer/uitgaande-mail");
  const mail = page.locator("article", { hasText: email }).first();
  await expect(mail).toBeVisible();
  await expect(mail.locator("pre")).toContainText("/uitnodiging/…");

  // ... the invited person reads it in their mailbox.
  const link = await mailedLink(email, "/uitnodiging/");
  await expect(mail.locator("pre")).not.toContainText(new URL(link).pathname);

  // The invited person, in a browser of their own, sets a password.
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(new URL(link).pathname);
  await waitForHydration(invitee);
  await expect(invitee.getByText("als signaalgever")).toBeVisible();
  await invitee.getByLabel("Kies een wachtwoord").fill("een lang wachtwoord van mij");
  await invitee.getByLabel("Herhaal het wachtwoord").fill("een lang wachtwoord van mij");
  await invitee.getByRole("button", { name: "Uitnodiging aanvaarden" }).click();
  await expect(invitee).toHaveURL(/\/gent$/);

  // Log out and in again with the new password.
  await invitee.getByRole("button", { name: "Afmelden" }).click();
  await expect(invitee).toHaveURL(/\/aanmelden/);
  await invitee.goto("/aanmelden?volgende=/gent/signaleren");
  await waitForHydration(invitee);
  await invitee.getByLabel("E-mailadres").fill(email);
  await invitee.getByLabel("Wachtwoord").fill("een lang wachtwoord van mij");
  await invitee.getByRole("button", { name: "Aanmelden" }).click();
  await expect(invitee).toHaveURL(/\/gent\/signaleren$/);
  await expect(invitee.getByRole("heading", { name: /signaal melden/i })).toBeVisible();

  // No access to the board, nor to Kortrijk.
  await invitee.goto("/gent/bord");
  await expect(invitee.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
  await expect(invitee.getByText("geen toegang", { exact: false }).first()).toBeVisible();
  for (const path of ["/kortrijk/bord", "/kortrijk/beheer/mensen"]) {
    await invitee.goto(path);
    await expect(invitee.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
  }
  // Kortrijk takes citizens' reports: there the invitee gets the citizens' form, as anyone would.
  await invitee.goto("/kortrijk/signaleren");
  await expect(invitee.getByRole("heading", { name: /Een probleem melden bij/ })).toBeVisible();
  await expect(invitee.getByLabel("Je e-mailadres")).toBeVisible();
  await context.close();
});
