import { expect, test } from "@playwright/test";
import { seedOrganisations } from "../../db/seed-data";
import { expectAccessible, signIn, signOut } from "./helpers";

test.describe("signing in", () => {
  for (const org of seedOrganisations) {
    test(`the admin of ${org.slug} signs in, sees the organisation's desk and signs out`, async ({ page }) => {
      await signIn(page, `${org.slug}@partnerstwo.test`);
      await expect(page.getByTestId("signed-in-as")).toContainText(org.name);
      await expect(page.getByRole("heading", { level: 1, name: "Pulpit" })).toBeVisible();
      await expect(page.getByText("Wersja demonstracyjna")).toBeVisible();
      await signOut(page);
      await page.goto("/dashboard");
      await expect(page).toHaveURL(/\/login/);
    });
  }

  test("the coordinator signs in as a member of MOPS", async ({ page }) => {
    await signIn(page, "koordynator@partnerstwo.test");
    const mops = seedOrganisations.find((o) => o.slug === "mops");
    await expect(page.getByTestId("signed-in-as")).toContainText(mops?.name ?? "MOPS");
    await page.goto("/settings/members");
    await expect(page.getByText("koordynator(ka) partnerstwa").first()).toBeVisible();
    await expectAccessible(page);
  });

  test("a wrong password is refused with a clear Polish message", async ({ page }) => {
    await page.goto("/login");
    await expectAccessible(page);
    await page.getByLabel("Adres e-mail").fill("pck@partnerstwo.test");
    await page.getByLabel("Hasło").fill("zle-haslo-zupelnie");
    await page.getByRole("button", { name: "Zaloguj się" }).click();
    await expect(page.getByRole("status")).toContainText("Nieprawidłowy adres e-mail lub hasło.");
    await expect(page).toHaveURL(/\/login/);
    // What was typed stays, except the password.
    await expect(page.getByLabel("Adres e-mail")).toHaveValue("pck@partnerstwo.test");
    await expect(page.getByLabel("Hasło")).toHaveValue("");
    await expectAccessible(page);
  });

  test("an empty form says which field is missing", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Zaloguj się" }).click();
    await expect(page.getByText("To pole jest wymagane.").first()).toBeVisible();
    await expect(page.getByLabel("Adres e-mail")).toHaveAttribute("aria-invalid", "true");
  });

  test("pages need a session", async ({ page }) => {
    for (const path of ["/dashboard", "/partners", "/settings/members"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login/);
    }
  });
});
