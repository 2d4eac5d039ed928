import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, maskPersonal, serializeError, withRequestId } from "@/lib/log/logger";
import { requestIdFrom } from "@/lib/log/request-id";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger(stream, "info") };
}

describe("structured logs", () => {
  it("writes one JSON object per line with level, time, message and the request id of its context", async () => {
    const { lines, logger } = capture();
    await withRequestId("req-1", async () => {
      await Promise.resolve();
      logger.info({ status: 200 }, "request");
    });
    logger.info("outside");
    expect(lines[0]).toMatchObject({ level: "info", msg: "request", status: 200, requestId: "req-1" });
    expect(typeof lines[0].time).toBe("string");
    expect(lines[1].requestId).toBeUndefined();
  });

  it("keeps concurrent requests apart", async () => {
    const { lines, logger } = capture();
    const tick = () => new Promise((r) => setTimeout(r, 5));
    await Promise.all(
      ["a", "b"].map((id) =>
        withRequestId(id, async () => {
          await tick();
          logger.info({ mine: id }, "x");
        }),
      ),
    );
    for (const line of lines) expect(line.requestId).toBe(line.mine);
  });

  it("censors secrets and personal fields", () => {
    const { lines, logger } = capture();
    logger.info({ password: "hunter2", user: { email: "a@b.pl", token: "wsp_x" }, authorization: "Bearer y" }, "m");
    const text = JSON.stringify(lines[0]);
    for (const secret of ["hunter2", "a@b.pl", "wsp_x", "Bearer y"]) expect(text).not.toContain(secret);
  });

  it("reduces errors to type, code, message and stack, masking e-mail addresses and dropping query parameters", () => {
    const error = Object.assign(new Error("duplicate key: Key (lower(email))=(jan@example.pl) exists"), {
      code: "23505",
      parameters: ["jan@example.pl", "secret"],
      query: "insert into users …",
    });
    const { lines, logger } = capture();
    logger.error({ err: error }, "failed");
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain("jan@example.pl");
    expect(text).not.toContain("secret");
    expect(lines[0].err).toMatchObject({ type: "Error", code: "23505" });
    expect(serializeError("plain")).toEqual({ message: "plain" });
    expect(maskPersonal("to <ola.nowak@gmina.pl> now")).toBe("to <[email]> now");
  });
});

describe("request ids", () => {
  it("keeps a well-formed id from the proxy and replaces anything else", () => {
    const given = (value: string) => requestIdFrom(new Headers({ "x-request-id": value }));
    expect(given("3f2a9c1d0b7e4a55")).toBe("3f2a9c1d0b7e4a55");
    const uuid = /^[0-9a-f-]{36}$/;
    expect(given('bad id "} injected')).toMatch(uuid);
    expect(given("x".repeat(200))).toMatch(uuid);
    expect(requestIdFrom(new Headers())).toMatch(uuid);
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});

describe("a failed database query in the logs", () => {
  it("keeps the SQL and the cause but not the values bound to it (names, phones, notes)", async () => {
    const { DrizzleQueryError } = await import("drizzle-orm/errors");
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: "23505" });
    const error = new DrizzleQueryError(
      'insert into "volunteers" ("first_name", "last_name", "phone") values ($1, $2, $3)',
      ["Anna", "Kowalczyk", "+48 555 010 101"],
      cause,
    );
    const logged = JSON.stringify(serializeError(error));
    expect(logged).toContain('insert into \\"volunteers\\"');
    expect(logged).toContain("params: [redacted]");
    expect(logged).toContain("23505");
    expect(logged).not.toContain("Kowalczyk");
    expect(logged).not.toContain("555 010 101");
  });
});
