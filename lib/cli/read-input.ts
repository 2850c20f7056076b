import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { LIVE_LIMITS } from "../live/limits";
import { LiveInputError } from "../live/live-input-error";

const CHUNK = 1024 * 1024;

/**
 * The command's input as text, read from a file or a file descriptor (0, standard input) and never more
 * than {@link LIVE_LIMITS}`.inputBytes` of it (`DFE153`: a regular file is refused by its size before it
 * is read). UTF-8 with or without a byte order mark, and UTF-16 with one (what Windows PowerShell's `>`
 * writes), are read; bytes that are none of these are refused (`DFE150`).
 */
export function readInputText(source: string | number, origin: string): string {
  const fd = typeof source === "number" ? source : openSync(source, "r");
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > LIVE_LIMITS.inputBytes) throw tooLarge(origin);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const n = readWithRetry(fd, chunk);
      if (n === 0) break;
      total += n;
      if (total > LIVE_LIMITS.inputBytes) throw tooLarge(origin);
      chunks.push(n === CHUNK ? chunk : chunk.subarray(0, n));
    }
    return decode(Buffer.concat(chunks, total), origin);
  } finally {
    if (typeof source !== "number") closeSync(fd);
  }
}

function tooLarge(origin: string): LiveInputError {
  return new LiveInputError("DFE153", [
    `${origin} is larger than ${LIVE_LIMITS.inputBytes} bytes, the most the command reads at a time. Split the input (e.g. per management group or subscription).`,
  ]);
}

/** A non-blocking standard input says EAGAIN while the writer is still writing: wait a moment and read again. */
function readWithRetry(fd: number, buffer: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, buffer, 0, buffer.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EOF") return 0;
      if (code !== "EAGAIN") throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

function decode(bytes: Buffer, origin: string): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  try {
    // A byte order mark is dropped by the decoder.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new LiveInputError("DFE150", [`${origin} is not text in UTF-8 (or UTF-16 with a byte order mark). Give the JSON the Azure CLI writes.`]);
  }
}
