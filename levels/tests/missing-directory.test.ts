/** missing-directory: uploads rely on a directory on the RAM disk that a reboot empties; fixed when they survive one. */
import { levelSuite } from "./support/level-suite";

levelSuite("missing-directory", { seeds: ["v1", "v2"], tamperSeed: "v3" });
