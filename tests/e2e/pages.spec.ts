import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

test.describe("every page, in Polish and in English, passes axe", () => {
  test("the pages of a partner's admin", async ({ page }) => {
    await signIn(page, "caritas@partnerstwo.test");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Partnerzy" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Partnerzy" })).toBeVisible();
    // Nine signatories at least; other journeys may have admitted more partners by now.
    await expect(page.getByText(/^W partnerstwie (działa|działają) (9|[1-9]\d+) organizacj[aei]\.$/)).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Polski Czerwony Krzyż (PCK)" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Polski Czerwony Krzyż (PCK)" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Co udostępnia" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Ustawienia" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Profil organizacji" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Zespół" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Zespół" })).toBeVisible();
    await expectAccessible(page);

    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: "Nie znaleziono strony" })).toBeVisible();
    await expectAccessible(page);

    await page.goto("/invitation/this-token-does-not-exist-at-all");
    await expect(page.getByText("Tego zaproszenia nie można już użyć.")).toBeVisible();
    await expectAccessible(page);
  });

  test("the language switch turns the interface English and back", async ({ page }) => {
    await signIn(page, "top@partnerstwo.test");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Partners" }).click();
    await expect(page.getByText(/^(9|[1-9]\d+) organisations work in the partnership\.$/)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Organisation profile" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Polski" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Profil organizacji" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  });

  test("the dashboard shows the requests waiting for the owner, with a count", async ({ page }) => {
    await signIn(page, "mops@partnerstwo.test");
    const count = page.getByTestId("waiting-count");
    await expect(count).toBeVisible();
    await expect(count).not.toHaveText("brak");
    await expect(page.getByText("Oczekuje na decyzję").first()).toBeVisible();
  });

  test("the health check answers", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", db: "ok", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(body.migrations.state).toBe("current");
    expect(body.migrations.applied).toBe(body.migrations.expected);
  });
});
