// Whether a page is a sign-in page of a campus identity service (CAS, 统一身份认证): the reader
// never reads one. Such pages often carry a notice list or a rules text beside the form, which
// could pass for a document; a panel over the password form would only be in the way, and the
// reader has no business near a password. After sign-in the service sends the browser back to
// the portal (`?ticket=…`), where the page is read as usual: only the sign-in page is skipped.
// Pure: the content script passes what it reads from `location` and `document`.

export interface LoginPageFacts {
  readonly hostname: string;
  readonly pathname: string;
  readonly title: string;
  /** Whether the page has a password field (`input[type=password]`). */
  readonly hasPassword: boolean;
}

/** First host labels of identity services (authserver.xxx.edu.cn, cas.xxx.edu.cn, sso., ids.). */
const LOGIN_HOST = /^(?:authserver|cas|sso|ids)\./i;
/** Sign-in paths of CAS servers mounted on a portal's own host (/cas/login, /authserver/login, /lyuapServer/login). */
const LOGIN_PATH = /(?:^|\/)(?:cas|authserver|lyuapserver|sso|ids)\/login(?:$|[/.;?])/i;
/** The title campus identity services give their sign-in page. */
const LOGIN_TITLE = /统一身份认证|统一认证|Central Authentication Service/i;

export function isLoginPage(facts: LoginPageFacts): boolean {
  if (LOGIN_HOST.test(facts.hostname)) return true;
  if (LOGIN_PATH.test(facts.pathname)) return true;
  // A title alone is not enough: a notice about the identity service is a document worth reading.
  return facts.hasPassword && LOGIN_TITLE.test(facts.title);
}

/** Reads the facts from a page (the content script's document). */
export function loginPageFacts(doc: Document, location: Pick<Location, 'hostname' | 'pathname'>): LoginPageFacts {
  return {
    hostname: location.hostname,
    pathname: location.pathname,
    title: doc.title,
    // HTML matches `type` values case-insensitively, so TYPE=PASSWORD is found too.
    hasPassword: doc.querySelector('input[type="password"]') !== null,
  };
}
