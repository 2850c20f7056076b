import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { whilePacking } from "./pack-lock";

const work = mkdtempSync(join(tmpdir(), "dfe-pack-lock-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const lockNamed = (name: string) => join(work, name);

/** A process id no process has (the highest ids are free on any test machine). */
function deadPid(): number {
  for (let pid = 4_194_000; ; pid++) {
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ESRCH") return pid;
    }
  }
}

test("the pack runs holding the lock, and the lock is gone afterwards, also when the pack throws", () => {
  const lock = lockNamed("plain");
  expect(whilePacking(() => existsSync(lock), 1_000, lock)).toBe(true);
  expect(existsSync(lock)).toBe(false);
  expect(() =>
    whilePacking(
      () => {
        throw new Error("the pack failed");
      },
      1_000,
      lock,
    ),
  ).toThrow("the pack failed");
  expect(existsSync(lock)).toBe(false);
});

test("a lock left by a process that has died is taken over", () => {
  const lock = lockNamed("stale");
  mkdirSync(lock);
  writeFileSync(join(lock, "pid"), String(deadPid()));
  expect(whilePacking(() => "packed", 5_000, lock)).toBe("packed");
});

test("a lock held by a live process is waited for, up to the timeout", () => {
  const lock = lockNamed("held");
  mkdirSync(lock);
  writeFileSync(join(lock, "pid"), String(process.ppid));
  let ran = false;
  expect(() => whilePacking(() => (ran = true), 600, lock)).toThrow(/another test has been packing for 0\.6 s/);
  expect(ran).toBe(false);
  expect(existsSync(lock)).toBe(true);
});
