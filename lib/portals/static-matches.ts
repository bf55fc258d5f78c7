// The portals the reader runs on without asking: campus portals (`*.edu.cn`). Nothing else ships:
// tests and the demo serve their pages under a `*.edu.cn` name that the browser resolves to 127.0.0.1.
// One list for the manifest's content-script matches and its host permissions.

export const STATIC_PORTAL_MATCHES = ['*://*.edu.cn/*'];
