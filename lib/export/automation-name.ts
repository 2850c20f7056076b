import { Token } from "cdktf";
import { adoptedFor } from "../adopt/adoption";
import { DestinationKind } from "../destinations/destination";
import { ExportConfigError, describeValue } from "../model/errors";
import { ContinuousExportProps } from "./props";

// Microsoft's naming rules list no rule for Microsoft.Security/automations (checked 2026-12); 1 to 260 letters,
// digits, `_` and `-` is ARM's general name length and the characters the portal's own names use.
const NAME_PATTERN = /^[A-Za-z0-9_-]{1,260}$/;

/**
 * The name of an export's automation of a destination kind: the adopted automation's, else the one in
 * `names`, else the kind's portal name, else the construct id (the `previousId`, when renamed: the name
 * forces replacement). Pure: the same request and id give the same name (a fleet reads the names of
 * the export it wrote from here). Claiming the name in the app is the write's job.
 * @param exportId the export's construct id
 * @param path the export's construct path, for messages
 */
export function automationNameOf(
  kind: DestinationKind,
  request: Pick<ContinuousExportProps, "names" | "adopt" | "previousId">,
  exportId: string,
  path: string,
): string {
  const names = request.names ?? {};
  const chosen = names[kind.propKey];
  const adopted = adoptedFor(request.adopt, kind);
  if (adopted && chosen !== undefined && chosen !== adopted.name) {
    throw new ExportConfigError(
      "DFE111",
      `${path}: the adopted automation is named "${adopted.name}", but \`names\` asks for "${chosen}": ` +
        `the name forces replacement, and the export would stop until the new one exists. Drop the name, or give ` +
        `"${adopted.name}".`,
    );
  }
  const ownId = typeof request.previousId === "string" ? request.previousId : exportId;
  const name = adopted?.name ?? chosen ?? kind.portalName ?? ownId.replace(/[^A-Za-z0-9_-]/g, "-");
  if (!Token.isUnresolved(name) && !NAME_PATTERN.test(name)) {
    throw new ExportConfigError(
      "DFE031",
      `${path}: ${describeValue(name)} is not a valid automation name: 1 to 260 letters, digits, underscores and hyphens.`,
    );
  }
  return name;
}
