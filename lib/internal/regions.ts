/**
 * The Azure regions a resource can be placed in, by programmatic name: the physical regions of
 * `az account list-locations --query "[?metadata.regionType=='Physical'].name"` in the public cloud, with
 * the early-access (EUAP) regions, Azure Government and Azure operated by 21Vianet (China), as Microsoft
 * lists them (Azure CLI `az account list-locations` reference and the Subscriptions `Locations - List` API,
 * `Microsoft.Resources/subscriptions/locations`; checked 2026-12). A region opened after that date is
 * refused until it is added here; pass it as a token meanwhile (a `TerraformVariable`), which is not checked.
 */
export const AZURE_REGIONS: readonly string[] = [
  // Public cloud
  "australiacentral",
  "australiacentral2",
  "australiaeast",
  "australiasoutheast",
  "austriaeast",
  "belgiumcentral",
  "brazilsouth",
  "brazilsoutheast",
  "canadacentral",
  "canadaeast",
  "centralindia",
  "centralus",
  "centraluseuap",
  "chilecentral",
  "denmarkeast",
  "eastasia",
  "eastus",
  "eastus2",
  "eastus2euap",
  "francecentral",
  "francesouth",
  "germanynorth",
  "germanywestcentral",
  "indonesiacentral",
  "israelcentral",
  "italynorth",
  "japaneast",
  "japanwest",
  "jioindiacentral",
  "jioindiawest",
  "koreacentral",
  "koreasouth",
  "malaysiawest",
  "mexicocentral",
  "newzealandnorth",
  "northcentralus",
  "northeurope",
  "norwayeast",
  "norwaywest",
  "polandcentral",
  "qatarcentral",
  "southafricanorth",
  "southafricawest",
  "southcentralus",
  "southeastasia",
  "southindia",
  "spaincentral",
  "swedencentral",
  "swedensouth",
  "switzerlandnorth",
  "switzerlandwest",
  "taiwannorth",
  "taiwannorthwest",
  "uaecentral",
  "uaenorth",
  "uksouth",
  "ukwest",
  "westcentralus",
  "westeurope",
  "westindia",
  "westus",
  "westus2",
  "westus3",
  // Azure Government
  "usdodcentral",
  "usdodeast",
  "usgovarizona",
  "usgovtexas",
  "usgovvirginia",
  // Azure operated by 21Vianet
  "chinaeast",
  "chinaeast2",
  "chinaeast3",
  "chinanorth",
  "chinanorth2",
  "chinanorth3",
];

/**
 * A region as azurerm compares and stores it: lower case, without spaces (azurerm's `NormalizeLocation` /
 * `location.Normalize`, `strings.Replace(strings.ToLower(input), " ", "", -1)`, hashicorp/terraform-provider-azurerm
 * and hashicorp/go-azure-helpers; checked 2026-12), so `West Europe`, `WestEurope` and `westeurope` are one region. The display name (`West Europe`) normalizes to the programmatic name.
 */
export function normalizeRegion(location: string): string {
  return location.replace(/\s+/g, "").toLowerCase();
}

/** Why `location` is not a region (with the nearest one), or undefined when it is one in any case or spacing azurerm accepts. */
export function regionProblem(location: string): string | undefined {
  const name = normalizeRegion(location);
  if (AZURE_REGIONS.includes(name)) return undefined;
  const [nearest] = [...AZURE_REGIONS].sort((a, b) => distance(name, a) - distance(name, b) || a.localeCompare(b));
  const close = nearest !== undefined && distance(name, nearest) <= Math.max(2, Math.floor(name.length / 4));
  return `"${location}" is not an Azure region${close ? `: did you mean "${nearest}"?` : "."} Give a region name such as westeurope (or its display name, West Europe).`;
}

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`: a misspelt region is one or two away. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
