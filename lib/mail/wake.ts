/**
 * A nudge from a use-case that has just committed messages to the outbox: the process's sender (registered by
 * instrumentation.ts) runs soon instead of waiting for its next round. Without a registered sender (tests, scripts)
 * it does nothing; the periodic round remains the guarantee.
 */
type Wake = () => void;
const holder = globalThis as { __wspMailWake?: Wake };

export function onDeliveryNudge(wake: Wake): void {
  holder.__wspMailWake = wake;
}

export function nudgeDelivery(): void {
  holder.__wspMailWake?.();
}
