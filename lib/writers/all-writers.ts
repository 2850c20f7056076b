import { AZAPI_WRITER } from "./azapi-writer";
import { AZURERM_WRITER } from "./azurerm-writer";
import type { Writer } from "./writer";

/**
 * Every writer: the one list of writers (see docs/kinds.md, "Adding a writer"). The order matters: AUTO
 * takes the first that can express an automation, so the list goes from the narrowest API to the widest;
 * the first writes created resource groups unless a writer is named, and the last is AUTO's when none can.
 */
export const WRITERS: readonly Writer[] = [AZURERM_WRITER, AZAPI_WRITER];
