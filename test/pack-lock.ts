import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..");
/** One lock per working tree: packing rebuilds its `dist/`, which two packs at once would write together. */
const LOCK = join(tmpdir(), `dfe-pack-${createHash("sha256").update(root).digest("hex").slice(0, 12)}.lock`);
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Runs `pack` (a `npm pack` or `npm run pack:cdktn` of this working tree, which first rebuilds `dist/`) while
 * holding a lock that every packing test file takes, so that jest workers never build or pack at once. A lock
 * left by a process that has died is taken over. `lock` is the lock's folder (another one only in the lock's own test).
 */
export function whilePacking<T>(pack: () => T, timeoutMs = 900_000, lock = LOCK): T {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (taken) {
      if ((taken as NodeJS.ErrnoException).code !== "EEXIST") throw taken;
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(lock, "pid"), "utf8"));
      } catch {
        // The owner has made the folder but not yet written its pid.
      }
      if (Number.isInteger(owner) && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`another test has been packing for ${timeoutMs / 1000} s (lock ${lock})`, { cause: taken });
      else Atomics.wait(PAUSE, 0, 0, 200);
    }
  }
  try {
    writeFileSync(join(lock, "pid"), String(process.pid));
    return pack();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
