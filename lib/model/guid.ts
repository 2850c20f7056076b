/** A GUID, in the one spelling Azure ids use (case-insensitive). */
export const GUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

const GUID = new RegExp(`^${GUID_PATTERN}$`);

/** Whether a value is a GUID. */
export function isGuid(value: unknown): boolean {
  return typeof value === "string" && GUID.test(value);
}
