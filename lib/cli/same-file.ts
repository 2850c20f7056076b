import { Stats, fstatSync, realpathSync, statSync } from "node:fs";

/**
 * Whether writing `out` would write over the input: the same file however it is named (a relative path,
 * `./`, `..`, a symbolic link, a hard link, `/dev/stdin`), compared by device and inode as the operating
 * system identifies files. The input is a path, or a file descriptor (0 for standard input, which a shell
 * may have opened on the very file). An `out` that does not exist yet is no input.
 */
export function writesOverInput(out: string, input: string | number): boolean {
  const target = statIfAny(() => statSync(out));
  const source = statIfAny(() => (typeof input === "number" ? fstatSync(input) : statSync(input)));
  if (!target || !source) return false;
  if (target.ino !== 0 || source.ino !== 0) return target.dev === source.dev && target.ino === source.ino;
  // File systems without inode numbers: the resolved paths.
  return typeof input === "string" && realpathSync(out) === realpathSync(input);
}

function statIfAny(stat: () => Stats): Stats | undefined {
  try {
    return stat();
  } catch {
    return undefined;
  }
}
