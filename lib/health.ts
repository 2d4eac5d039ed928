import type { DatabaseHandle } from "@/db/connect";

/** Whether the database answers a trivial query within the time limit. */
export async function checkDatabase(connect: () => Promise<DatabaseHandle>, timeoutMs = 3000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = (async () => {
    const handle = await connect();
    const rows = await handle.query<{ ok: number }>("select 1 as ok");
    return rows[0]?.ok === 1;
  })().catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
