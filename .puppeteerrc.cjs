// pa11y (the second accessibility checker in `make test`) runs on puppeteer,
// which would download its own Chrome on install: no network but the package
// registries is reachable here, and the tests use Debian's Chromium.
module.exports = { skipDownload: true };
