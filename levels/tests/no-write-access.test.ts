/** no-write-access: the app's user loses write access (owner, mode, parent, group bit); 777 and root are rejected. */
import { levelSuite } from "./support/level-suite";

levelSuite("no-write-access", { seeds: ["v1", "v3"], tamperSeed: "v4" });
