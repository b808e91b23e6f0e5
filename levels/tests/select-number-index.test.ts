/** select-number-index: provisioned, broken (the lookup's index unusable), symptom fix rejected, query fix passes. */
import { levelSuite } from "./support/level-suite";

// v1: by-sku (lower(sku)), v6: arrivals (created_at::date). by-number is the third variant.
levelSuite("select-number-index", { seeds: ["v1", "v6"] });
