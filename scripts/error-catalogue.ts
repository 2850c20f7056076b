import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderErrorCatalogue } from "../lib/model/error-catalogue";

// Renders the error and warning tables of README.md's "Errors" section from lib/model/error-catalogue.ts.
const file = join(__dirname, "..", "README.md");
const readme = readFileSync(file, "utf8");
const section = readme.indexOf("## Errors");
const start = readme.indexOf("| code | when | fix |", section);
const end = readme.indexOf("\n## ", start);
writeFileSync(file, `${readme.slice(0, start)}${renderErrorCatalogue()}\n${readme.slice(end + 1)}`);
