import { readFile } from "node:fs/promises";
import path from "node:path";

let fonts: Promise<[Uint8Array, Uint8Array]> | undefined;

/**
 * DejaVu Sans regular and bold (from the `dejavu-fonts-ttf` package): every Polish letter, read once per process and
 * shared by every PDF we write (reports, certificates); each document embeds the subset it uses.
 */
export function dejaVuFontFiles(): Promise<[Uint8Array, Uint8Array]> {
  const dir = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
  fonts ??= Promise.all([
    readFile(path.join(dir, "DejaVuSans.ttf")),
    readFile(path.join(dir, "DejaVuSans-Bold.ttf")),
  ]).catch((error) => {
    fonts = undefined;
    throw error;
  });
  return fonts;
}
