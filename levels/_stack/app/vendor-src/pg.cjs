// The app's one dependency, bundled on the host into node_modules/pg/index.js inside the
// image, so the app instance's `deploy` tool can build /srv/app/src without npm.
module.exports = require("pg");
