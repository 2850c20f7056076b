/** What a newcomer does with one section of the README: its shell lines and files, in order. */
export interface ReadmeWalk {
  /** What the section runs in the clone (`npm pack`, `npm run pack:cdktn`), which the test does in this working tree. */
  readonly cloneSteps: string[];
  /** A bash script: each shell line as written, each file written with its text, in the README's order. */
  readonly script: string;
  /** The files the section shows, by name. */
  readonly files: string[];
  /** Each file's text. */
  readonly fileText: Map<string, string>;
}

const CLONE_FOLDER = "cdktf-defender-export";

/**
 * Reads a `## ` section of the README as a newcomer follows it. A `sh` block is run line by line; a
 * `json` or `ts` block is a file, named by the backticked file name that opens the paragraph before it
 * ("`cdktf.json`:"); a file block without one fails, since a reader would not know where it goes.
 * `git clone <url>` must name the package's repository, and the commands run in the clone must be ones
 * this working tree can stand in for.
 */
export function readmeWalk(readme: string, heading: string, repositoryUrl: string): ReadmeWalk {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`the README has no section "## ${heading}"`);
  const next = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, next < 0 ? undefined : next);
  const cloneSteps: string[] = [];
  const lines: string[] = [];
  const fileText = new Map<string, string>();
  const fence = /```(\w*)\n([\s\S]*?)\n```/g;
  let last = 0;
  for (let m = fence.exec(section); m; m = fence.exec(section)) {
    const [, lang, body] = m;
    const before =
      section
        .slice(last, m.index)
        .trim()
        .split(/\n\s*\n/)
        .pop() ?? "";
    last = m.index + m[0].length;
    if (lang === "sh") {
      for (const line of body.split("\n")) {
        const clone = /^git clone (\S+)(?: (\S+))?$/.exec(line);
        if (clone) {
          if (clone[1] !== `${repositoryUrl}.git`)
            throw new Error(`the README clones ${clone[1]}, not the package's repository ${repositoryUrl}.git`);
          if ((clone[2] ?? CLONE_FOLDER) !== CLONE_FOLDER) throw new Error(`the README clones into ${clone[2]}`);
          continue;
        }
        const inClone = new RegExp(`^\\(cd ${CLONE_FOLDER} && (.*)\\)$`).exec(line);
        if (inClone) {
          for (const step of inClone[1].split(" && ")) {
            if (!["npm ci", "npm pack", "npm run pack:cdktn"].includes(step)) throw new Error(`the README runs "${step}" in the clone`);
            if (step !== "npm ci") cloneSteps.push(step);
          }
          continue;
        }
        lines.push(line);
      }
    } else if (lang === "json" || lang === "ts") {
      const name = /^`([\w.-]+\.(?:json|ts))`/.exec(before)?.[1];
      if (!name) throw new Error(`the README's "${heading}" shows a ${lang} block without saying which file it is:\n${body.slice(0, 200)}`);
      fileText.set(name, `${body}\n`);
      lines.push(`cat > ${name} <<'README_FILE_END'\n${body}\nREADME_FILE_END`);
    } else {
      throw new Error(`the README's "${heading}" shows a block of unknown kind "${lang}"`);
    }
  }
  return { cloneSteps, script: lines.join("\n"), files: [...fileText.keys()], fileText };
}
