import type { Locale } from "./config";
import bookingsEn from "./messages/bookings.en.json";
import bookingsPl from "./messages/bookings.pl.json";
import en from "./messages/en.json";
import needsEn from "./messages/needs.en.json";
import needsPl from "./messages/needs.pl.json";
import notificationsEn from "./messages/notifications.en.json";
import notificationsPl from "./messages/notifications.pl.json";
import photosEn from "./messages/photos.en.json";
import photosPl from "./messages/photos.pl.json";
import pl from "./messages/pl.json";
import reportsEn from "./messages/reports.en.json";
import reportsPl from "./messages/reports.pl.json";
import resourcesEn from "./messages/resources.en.json";
import resourcesPl from "./messages/resources.pl.json";
import volunteersEn from "./messages/volunteers.en.json";
import volunteersPl from "./messages/volunteers.pl.json";

type Tree = { [key: string]: string | Tree };

/** Merges message files; a later file adds keys to a namespace but may not overwrite a string. */
function merge(...trees: Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const existing = out[key];
      if (typeof value === "object" && typeof existing === "object") out[key] = merge(existing, value);
      else if (existing !== undefined) throw new Error(`message ${key} is defined twice`);
      else out[key] = value;
    }
  }
  return out;
}

/**
 * All messages of a locale: the core file plus one file per area (`resources`, `bookings`, …), so that areas can
 * grow without everyone editing one file.
 */
export const allMessages: Record<Locale, typeof pl> = {
  pl: merge(pl, resourcesPl, bookingsPl, reportsPl, notificationsPl, volunteersPl, needsPl, photosPl) as typeof pl,
  en: merge(en, resourcesEn, bookingsEn, reportsEn, notificationsEn, volunteersEn, needsEn, photosEn) as typeof pl,
};
