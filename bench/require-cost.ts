/** Prints the cold cost, in ms, of loading the library (with the cdktf and provider modules it imports). */
const start = process.hrtime.bigint();
require("../lib");
console.log(JSON.stringify({ scenario: "require", ms: Number(process.hrtime.bigint() - start) / 1e6 }));
