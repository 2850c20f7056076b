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
 * left by a process that has died is taken over.
 */
export function whilePacking<T>(pack: () => T, timeoutMs = 900_000): T {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (taken) {
      if ((taken as NodeJS.ErrnoException).code !== "EEXIST") throw taken;
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(LOCK, "pid"), "utf8"));
      } catch {
        // The owner has made the folder but not yet written its pid.
      }
      if (Number.isInteger(owner) && !alive(owner)) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`another test has been packing for ${timeoutMs / 1000} s (lock ${LOCK})`, { cause: taken });
      else Atomics.wait(PAUSE, 0, 0, 200);
    }
  }
  try {
    writeFileSync(join(LOCK, "pid"), String(process.pid));
    return pack();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
