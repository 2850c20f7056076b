import { DestinationKind, IExportDestination } from "../destinations/destination";

/** The kinds of the destinations, in the order the library writes automations: the kinds an export writes, one automation each. */
export function kindsOf(destinations: readonly IExportDestination[]): DestinationKind[] {
  return DestinationKind.ALL.filter((k) => destinations.some((d) => d.kind === k));
}
