/** invalid-cors: the storefront's origin denied by one of five mechanisms; see levels/invalid-cors/fault.ts. */
import { levelSuite } from "./support/level-suite";

levelSuite("invalid-cors", { seeds: ["v1", "v2"] });
