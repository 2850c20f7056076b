import type { CatalogueEntry } from "./catalogue-entry";
import { INPUT_ERRORS } from "./error-catalogue-inputs";
import { REQUEST_ERRORS } from "./error-catalogue-requests";
import { WARNINGS } from "./warning-catalogue";

export type { CatalogueEntry } from "./catalogue-entry";

/**
 * Every code the library reports, in one structured list: the error and warning tables of docs/errors.md are
 * rendered from it, and a test checks that each code is thrown somewhere, listed here and provoked by a test.
 */
export const ERROR_CATALOGUE: readonly CatalogueEntry[] = [...REQUEST_ERRORS, ...INPUT_ERRORS, ...WARNINGS];

/** The catalogue as the Markdown tables of docs/errors.md: errors, then warnings. */
export function renderErrorCatalogue(): string {
  const table = (prefix: string, fixHeader: string) =>
    [
      `| code | when | ${fixHeader} |`,
      "|---|---|---|",
      ...ERROR_CATALOGUE.filter((e) => e.code.startsWith(prefix)).map((e) => `| ${e.code} | ${e.when} | ${e.fix} |`),
    ].join("\n");
  return `${table("DFE", "fix")}\n\nWarnings (synth goes on; \`cdktf synth\` and the main job print them):\n\n${table("DFW", "what to do")}\n`;
}
