import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { TINY_PNG } from "../helpers/images";
import { expectAccessible, signIn } from "./helpers";

/**
 * Photos of a resource (issue 3): the owner adds one with its description on the edit page, sees it on the resource
 * page, another partner sees it too, and the owner removes it after confirming. The description is unique per run,
 * so the file can run again against the same database.
 */

const RESOURCE = "Samochód dostawczy z kierowcą"; // Kuduk's, seeded
const PNG = Buffer.from(TINY_PNG);

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** The image has arrived and decoded (it is lazy, so it is scrolled to first). */
async function expectLoaded(image: Locator) {
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
}

test("an owner adds a described photo, partners see it, the owner removes it", async ({ browser }) => {
  const alt = `Biały samochód dostawczy przed magazynem ${Date.now().toString(36)}`;
  const owner = await as(browser, "kuduk@partnerstwo.test");
  await owner.goto(`/resources?q=${encodeURIComponent("Samochód dostawczy")}`);
  await owner.getByRole("link", { name: RESOURCE }).first().click();
  await expect(owner.getByRole("heading", { level: 1, name: RESOURCE })).toBeVisible();
  const resourcePath = new URL(owner.url()).pathname;

  await owner.goto(`${resourcePath}/edit`);
  const photos = owner.getByRole("region", { name: "Zdjęcia" });
  await expect(photos.getByRole("heading", { name: "Dodaj zdjęcie" })).toBeVisible();
  await expect(owner).toHaveTitle(`Edycja: ${RESOURCE} · Współdzielnia`);
  await expectAccessible(owner);

  // A description that says nothing is refused at its field.
  await photos.getByLabel("Plik ze zdjęciem").setInputFiles({ name: "auto.png", mimeType: "image/png", buffer: PNG });
  await photos.getByLabel("Opis zdjęcia").fill("ab");
  await photos.getByRole("button", { name: "Dodaj zdjęcie" }).click();
  await expect(photos.getByRole("link", { name: "Opis zdjęcia: Opisz zdjęcie w 3–200 znakach." })).toBeVisible();
  await expect(photos.getByLabel("Opis zdjęcia")).toHaveValue("ab");

  await photos.getByLabel("Plik ze zdjęciem").setInputFiles({ name: "auto.png", mimeType: "image/png", buffer: PNG });
  await photos.getByLabel("Opis zdjęcia").fill(alt);
  await photos.getByRole("button", { name: "Dodaj zdjęcie" }).click();
  await expect(photos.getByText("Dodano zdjęcie.")).toBeVisible();
  await expect(photos.getByTestId("photo-list")).toContainText(alt);
  await expectAccessible(owner);

  // On the resource page, described by its text alternative.
  await owner.goto(resourcePath);
  await expectLoaded(owner.getByRole("img", { name: alt }));
  await expect(owner).toHaveTitle(`${RESOURCE} · Współdzielnia`);
  await expectAccessible(owner);

  // Another partner sees it too.
  const partner = await as(browser, "razem@partnerstwo.test");
  await partner.goto(resourcePath);
  await expectLoaded(partner.getByRole("img", { name: alt }));
  await expectAccessible(partner);

  // The owner removes it, answering the one question.
  await owner.goto(`${resourcePath}/edit`);
  await photos.getByRole("button", { name: `Usuń zdjęcie: ${alt}` }).click();
  await expect(photos.getByText(`Usunąć to zdjęcie („${alt}”)? Zniknie ze strony zasobu.`)).toBeVisible();
  await photos.getByRole("button", { name: "Tak, usuń" }).click();
  await expect(photos.getByText("Usunięto zdjęcie.")).toBeVisible();
  await expect(photos.getByText(alt)).toHaveCount(0);
  // The button pressed went with its row: the outcome takes the focus instead of the page's top.
  await expect(photos.getByTestId("photo-removed")).toBeFocused();

  await partner.reload();
  await expect(partner.getByRole("heading", { level: 1, name: RESOURCE })).toBeVisible();
  await expect(partner.getByRole("img", { name: alt })).toHaveCount(0);
});

test("the upload that fills the last place is announced and takes the focus, though the form is gone", async ({
  browser,
}) => {
  const owner = await as(browser, "kuduk@partnerstwo.test");
  // A resource of its own (the API takes the session), with seven photos added through the API.
  const created = await owner.request.post("/api/v1/resources", {
    data: {
      kind: "premises",
      name: `Sala do zdjęć ${Date.now().toString(36)}`,
      capacity: 10,
      bookingMode: "approval",
      openingHours: [],
    },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  for (let i = 1; i <= 7; i++) {
    const added = await owner.request.post(`/api/v1/resources/${id}/photos`, {
      multipart: { file: { name: `${i}.png`, mimeType: "image/png", buffer: PNG }, alt: `Zdjęcie numer ${i}` },
    });
    expect(added.status()).toBe(201);
  }

  await owner.goto(`/resources/${id}/edit`);
  const photos = owner.getByRole("region", { name: "Zdjęcia" });
  await expect(photos.getByText("Zdjęcia: 7 z 8")).toBeVisible();
  await photos.getByLabel("Plik ze zdjęciem").setInputFiles({ name: "8.png", mimeType: "image/png", buffer: PNG });
  await photos.getByLabel("Opis zdjęcia").fill("Ostatnie, ósme zdjęcie");
  await photos.getByRole("button", { name: "Dodaj zdjęcie" }).click();
  await expect(photos.getByText("To już 8 zdjęć, najwięcej, ile można.", { exact: false })).toBeVisible();
  await expect(photos.getByRole("button", { name: "Dodaj zdjęcie" })).toHaveCount(0);
  await expect(photos.getByText("Dodano zdjęcie.")).toBeVisible();
  await expect(photos.getByTestId("photo-added")).toBeFocused();
  await expectAccessible(owner);
  // The resource stays (as every journey's does): archiving it here took a row out of the reports journey's table
  // between its page and its CSV, which ran beside it.
});
