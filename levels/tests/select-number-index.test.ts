/** select-number-index: provisioned, broken (the lookup's index unusable), symptom fix rejected, query fix passes. */
import { levelSuite } from "./support/level-suite";

// v1: by-sku (lower(sku)), v6: arrivals (created_at::date); by-number is the third variant.
// Half the traffic is the lookup, the other half the (healthy) catalogue: the SLI dips to about half.
levelSuite("select-number-index", { seeds: ["v1", "v6"], outageAtMost: 0.75 });
