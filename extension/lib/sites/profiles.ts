/**
 * Per-site profiles: where the content script runs by default and which buttons publish there.
 * Any other button whose label says "publish" is caught too (see publish/publishButton.ts).
 */
export interface SiteProfile {
  id: string;
  /** zh-CN display name; the options page lists sites by it. */
  name: string;
  /** Match patterns of the content script (manifest `content_scripts.matches`). */
  matches: string[];
  /** Buttons that publish on this site, beyond the generic label rule. */
  publishSelectors: string[];
}

export const SITE_PROFILES: readonly SiteProfile[] = [
  {
    id: "weixin",
    name: "微信公众平台",
    matches: ["https://mp.weixin.qq.com/*"],
    // not #js_submit: the editor's 保存为草稿, which must never be held
    publishSelectors: ["#js_send", ".weui-desktop-btn_primary.js_send", "[data-type='send']"],
  },
  {
    id: "weibo",
    name: "微博",
    matches: ["https://weibo.com/*", "https://*.weibo.com/*"],
    publishSelectors: ["[node-type='submit']", "button[class*='Tool_btn']", "a[action-type='submit']"],
  },
  {
    id: "toutiao",
    name: "头条号",
    matches: ["https://mp.toutiao.com/*"],
    publishSelectors: [".publish-btn", ".publish-content", "button[class*='publish']"],
  },
  {
    id: "zhihu",
    name: "知乎专栏",
    matches: ["https://zhuanlan.zhihu.com/*"],
    publishSelectors: [".PublishPanel-triggerButton", ".PublishPanel-button", "button[class*='Publish']"],
  },
  {
    id: "xiaohongshu",
    name: "小红书创作服务平台",
    matches: ["https://creator.xiaohongshu.com/*"],
    publishSelectors: [".publishBtn", "button[class*='publish']"],
  },
  {
    id: "bilibili",
    name: "哔哩哔哩创作中心",
    matches: ["https://member.bilibili.com/*"],
    publishSelectors: [".submit-add", ".submit-btn", "button[class*='submit']"],
  },
];

export const KNOWN_SITE_MATCHES: readonly string[] = SITE_PROFILES.flatMap((s) => s.matches);

/** The profile of a page's hostname, if it is a known site. */
export function profileForHost(hostname: string): SiteProfile | undefined {
  return SITE_PROFILES.find((s) => s.matches.some((m) => hostMatches(m, hostname)));
}

function hostMatches(pattern: string, hostname: string): boolean {
  const host = /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1];
  if (!host) return false;
  if (host.startsWith("*.")) return hostname === host.slice(2) || hostname.endsWith(host.slice(1));
  return hostname === host;
}

/** The key a site is enabled/disabled by in the settings: the profile id, or the hostname. */
export function siteKey(hostname: string): string {
  return profileForHost(hostname)?.id ?? hostname;
}
