/** memory-exhausted: provisioned through the orchestrator, broken, symptom-fixed (rejected), reference-fixed (passes). */
import { levelSuite } from "./support/level-suite";

// Seeds: b = runit, a = boot-script; tampering on v1 = periodic.
levelSuite("memory-exhausted", { seeds: ["b", "a"], tamperSeed: "v1" });
