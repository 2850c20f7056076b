import { createHash } from "node:crypto";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// The Python side of the tests: a virtual environment with the PyPI packages of python/requirements.txt,
// kept in .python/ under a name made of a hash of that file and of the Python version (the way
// scripts/checkov keeps .checkov/venv), so a changed pin or interpreter makes a fresh one; and the wheel of
// `npm run package:python` installed into it.
const root = join(__dirname, "..", "..");
/** The pinned PyPI packages the wheel runs against. */
export const REQUIREMENTS = join(root, "python", "requirements.txt");
const CACHE = join(root, ".python");
/** Written last into a complete environment: one without it (an install cut short) is made again. */
const COMPLETE = ".complete";

/** Why the Python tests cannot run here (no python3, or one without venv and ensurepip), or undefined when they can. */
export function pythonMissing(): string | undefined {
  const probe = spawnSync("python3", ["-c", "import venv, ensurepip, sys; print(sys.version_info >= (3, 9))"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return "python3 with the venv and ensurepip modules is not installed";
  if (probe.stdout.trim() !== "True") return "python3 is older than 3.9 (jsii's Python runtime needs 3.9 or newer)";
  return undefined;
}

/** The cached environment's folder for the current requirements and interpreter. */
export function venvDir(): string {
  const version = execFileSync("python3", ["--version"], { encoding: "utf8" }).trim();
  const key = createHash("sha256").update(readFileSync(REQUIREMENTS)).update(version).digest("hex").slice(0, 12);
  return join(CACHE, `venv-${key}`);
}

/**
 * The python of an environment with the pinned packages: made (and older ones removed) when there is
 * none for these requirements, else reused as it is.
 */
export function ensureVenv(log: (line: string) => void = () => undefined): string {
  const venv = venvDir();
  const python = join(venv, "bin", "python");
  if (existsSync(join(venv, COMPLETE))) return python;
  if (existsSync(CACHE))
    for (const old of readdirSync(CACHE).filter((d) => d.startsWith("venv-"))) rmSync(join(CACHE, old), { recursive: true, force: true });
  log(`creating ${venv} from python/requirements.txt`);
  execFileSync("python3", ["-m", "venv", venv], { stdio: "inherit" });
  execFileSync(python, ["-m", "pip", "install", "--quiet", "--no-input", "--disable-pip-version-check", "-r", REQUIREMENTS], {
    stdio: ["ignore", "inherit", "pipe"],
  });
  writeFileSync(join(venv, COMPLETE), `${new Date().toISOString()}\n`);
  return python;
}

/** The wheel `npm run package:python` wrote into dist/python/ (exactly one is expected). */
export function builtWheel(): string {
  const dir = join(root, "dist", "python");
  const wheels = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".whl")) : [];
  if (wheels.length !== 1) throw new Error(`dist/python/ holds ${wheels.length} wheels: run \`npm run package:python\``);
  return join(dir, wheels[0]);
}

/**
 * Installs `wheel` into the environment of `python` in place of any earlier build, and checks that the
 * pinned packages satisfy every requirement the wheel declares (`pip check`): nothing is fetched for it.
 */
export function installWheel(python: string, wheel: string): void {
  execFileSync(python, ["-m", "pip", "install", "--quiet", "--no-input", "--disable-pip-version-check", "--no-deps", "--force-reinstall", wheel], {
    stdio: ["ignore", "inherit", "pipe"],
  });
  execFileSync(python, ["-m", "pip", "check", "--disable-pip-version-check"], { encoding: "utf8" });
}

/** The environment variables a Python program of the tests runs with: jsii's Node 20 end-of-life banner off. */
export function pythonEnv(): NodeJS.ProcessEnv {
  return { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE: "1", PYTHONDONTWRITEBYTECODE: "1" };
}
