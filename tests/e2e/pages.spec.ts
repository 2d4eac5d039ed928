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

test("the catalogue shows 24 resources a page and keeps the search between pages", async ({ page }) => {
  await signIn(page, "commando@partnerstwo.test");
  // The demo has 24 resources; two more make sure there is a second page whatever else the suite has added.
  const stamp = Date.now();
  for (const n of [1, 2]) {
    const created = await page.request.post("/api/v1/resources", {
      data: { kind: "equipment", name: `Mata do ćwiczeń ${stamp}-${n}`, quantity: 4, bookingMode: "instant" },
    });
    expect(created.status()).toBe(201);
  }
  await page.goto("/resources");
  const pages = page.getByRole("navigation", { name: "Strony wyników" });
  await expect(pages.getByText(/^Strona 1 z \d+$/)).toBeVisible();
  await expect(page.getByTestId("results-count")).toContainText("pokazujemy 1–24");
  await expect(page.getByRole("region", { name: "Wszystkie zasoby" }).getByRole("heading", { level: 3 })).toHaveCount(
    24,
  );
  await expect(pages.getByRole("link", { name: "Poprzednia strona" })).toHaveCount(0);
  await expectAccessible(page);

  await pages.getByRole("link", { name: "Następna strona" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(pages.getByText(/^Strona 2 z \d+$/)).toBeVisible();
  await expect(pages.getByRole("link", { name: "Poprzednia strona" })).toBeVisible();
  await expectAccessible(page);

  // A search narrow enough for one page has no page links; the search stays in the address.
  await page.goto(`/resources?q=${encodeURIComponent(`Mata do ćwiczeń ${stamp}`)}&page=2`);
  await expect(page.getByTestId("results-count")).toHaveText(/^Znaleziono 2 zasoby\./);
  await expect(page.getByRole("navigation", { name: "Strony wyników" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: `Mata do ćwiczeń ${stamp}-2` })).toBeVisible();
});
