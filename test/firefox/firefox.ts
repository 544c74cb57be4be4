import puppeteer, { type Browser } from "puppeteer-core";

export const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";

/**
 * Preferences for a closed network, on top of the ones Puppeteer and Firefox's remote agent already
 * set for automation (no updates, telemetry, safebrowsing, remote settings, captive portal check).
 * Every connection goes to the network trap, so anything still trying to go out is seen and
 * refused at once instead of stalling on DNS; the rest keeps Firefox from guessing at the network.
 */
function closedNetworkPrefs(trapPort: number): Record<string, unknown> {
  return {
    "network.proxy.type": 1, // manual proxy
    "network.proxy.http": "127.0.0.1",
    "network.proxy.http_port": trapPort,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": trapPort,
    "network.proxy.no_proxies_on": "",
    // localhost too: otherwise a request to a local port would pass the trap unseen
    "network.proxy.allow_hijacking_localhost": true,
    "network.dns.disablePrefetch": true,
    "network.prefetch-next": false,
    "network.predictor.enabled": false,
    "network.connectivity-service.enabled": false,
    "network.captive-portal-service.enabled": false,
    "network.trr.mode": 5, // no DNS over HTTPS
    "browser.region.network.url": "",
    "browser.region.update.enabled": false,
    "browser.newtabpage.activity-stream.feeds.section.topstories": false,
    "browser.topsites.contile.enabled": false,
    "extensions.systemAddon.update.enabled": false,
    "extensions.blocklist.enabled": false,
    "toolkit.telemetry.enabled": false,
    "toolkit.telemetry.server": "",
    "browser.ping-centre.telemetry": false,
    "app.shield.optoutstudies.enabled": false,
    "messaging-system.rsexperimentloader.enabled": false,
  };
}

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi (puppeteer-core: nothing downloaded,
 * and it drives stock Firefox, which Playwright's patched Firefox protocol cannot). A fresh profile
 * each time (Puppeteer makes and removes it). The extension, when given, is installed as a
 * temporary add-on (BiDi webExtension.install), the way about:debugging loads it: unsigned is fine.
 */
export async function launchFirefox(options: {
  trapPort: number;
  extensionDir?: string;
}): Promise<{ browser: Browser; extensionId?: string }> {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1000, height: 720 },
    extraPrefsFirefox: closedNetworkPrefs(options.trapPort),
    // Release and ESR builds ignore the services.settings.server override Puppeteer sets (remote
    // settings, polled at start-up) unless this is set: without it Firefox calls
    // firefox.settings.services.mozilla.com over and over.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: "1" },
    // the default (30 s) is for cold machines; a launch that takes longer is a failure here
    timeout: 30_000,
  });
  try {
    const extensionId = options.extensionDir
      ? await browser.installExtension(options.extensionDir)
      : undefined;
    return { browser, extensionId };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
