import { describe, expect, it } from "vitest";
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN, passwordProblem, verifyPassword } from "@/lib/auth/password";

describe("passwordProblem", () => {
  it("has the documented limits", () => {
    expect(PASSWORD_MIN).toBe(10);
    expect(PASSWORD_MAX).toBe(256);
  });

  it("rejects 9 characters as too_short and accepts 10", () => {
    expect(passwordProblem("zx9-kp3-q")).toBe("too_short");
    expect(passwordProblem("zx9-kp3-qw")).toBeNull();
  });

  it("rejects the empty password as too_short", () => {
    expect(passwordProblem("")).toBe("too_short");
  });

  it("counts characters, not bytes", () => {
    const ten = "łąka-żółw1";
    expect([...ten]).toHaveLength(10);
    expect(Buffer.byteLength(ten, "utf8")).toBeGreaterThan(10);
    expect(passwordProblem(ten)).toBeNull();

    // 9 characters but 15 UTF-8 bytes: still too short.
    const nine = "zażółćgęś";
    expect([...nine]).toHaveLength(9);
    expect(Buffer.byteLength(nine, "utf8")).toBeGreaterThanOrEqual(10);
    expect(passwordProblem(nine)).toBe("too_short");
  });

  it("counts a character outside the BMP once, not as two UTF-16 units", () => {
    const nine = "🚲🚲🚲🚲🚲abcd"; // 9 characters, 14 UTF-16 code units
    expect(nine.length).toBeGreaterThanOrEqual(10);
    expect(passwordProblem(nine)).toBe("too_short");
  });

  it("accepts 256 characters and rejects 257 as too_long, counting characters", () => {
    expect(passwordProblem("a1".repeat(128))).toBeNull();
    expect(passwordProblem(`${"a1".repeat(128)}x`)).toBe("too_long");
    // 256 Polish letters are 512 bytes, but only 256 characters.
    expect(passwordProblem("ą".repeat(256))).toBeNull();
    expect(passwordProblem("ą".repeat(257))).toBe("too_long");
  });

  it.each(["1234567890", "qwertyuiop", "Password123", "password123", "PASSWORD123", "QwErTyUiOp"])(
    "rejects the common password %s as too_common",
    (password) => {
      expect(passwordProblem(password)).toBe("too_common");
    },
  );

  it("accepts a long passphrase that is not on the common list", () => {
    expect(passwordProblem("aktywni-z-pasja")).toBeNull();
    expect(passwordProblem("zielony-rower-nad-Bobrem")).toBeNull();
  });
});

describe("hashPassword / verifyPassword", () => {
  it("produces an argon2id hash that verifies the right password only", async () => {
    const hash = await hashPassword("aktywni-z-pasja");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(hash).not.toContain("aktywni-z-pasja");
    expect(await verifyPassword(hash, "aktywni-z-pasja")).toBe(true);
    expect(await verifyPassword(hash, "aktywni-z-pasjA")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("salts: the same password hashes differently twice, and both verify", async () => {
    const [a, b] = await Promise.all([hashPassword("łąka-żółw1"), hashPassword("łąka-żółw1")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "łąka-żółw1")).toBe(true);
    expect(await verifyPassword(b, "łąka-żółw1")).toBe(true);
  });

  it.each(["", "not-a-hash", "$argon2id$v=19$m=19456,t=2,p=1$garbage", "$2b$10$abcdefghijklmnopqrstuv"])(
    "returns false for the malformed hash %j instead of throwing",
    async (garbage) => {
      await expect(verifyPassword(garbage, "aktywni-z-pasja")).resolves.toBe(false);
    },
  );
});
