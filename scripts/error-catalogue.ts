import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderErrorCatalogue } from "../lib/model/error-catalogue";

// Renders the error and warning tables of docs/errors.md from lib/model/error-catalogue.ts.
const file = join(__dirname, "..", "docs", "errors.md");
const text = readFileSync(file, "utf8");
const start = text.indexOf("| code | when | fix |");
writeFileSync(file, `${text.slice(0, start)}${renderErrorCatalogue()}`);
