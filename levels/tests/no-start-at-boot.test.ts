/** no-start-at-boot: the app instance reboots and the shop does not come back, five ways; fixed only when it does on its own. */
import { levelSuite } from "./support/level-suite";

levelSuite("no-start-at-boot", { seeds: ["v1", "v4"], tamperSeed: "v3" });
