// The portals the reader runs on without asking: campus portals and local mirrors.
// One list for the manifest's content-script matches and its host permissions.

export const STATIC_PORTAL_MATCHES = ['*://*.edu.cn/*', 'http://127.0.0.1/*', 'http://localhost/*'];
