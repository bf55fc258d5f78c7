// Sign-in pages of campus identity services are never read; the portal after the redirect back is.
import { describe, expect, it } from 'vitest';
import { isLoginPage, loginPageFacts } from '../../../lib/portals/login-page';
import { readDocument } from '../../../lib/document/detect';
import { htmlDocument, loadFixture } from '../document/fixtures';

const page = (over: Partial<Parameters<typeof isLoginPage>[0]>) =>
  isLoginPage({ hostname: 'www.example.edu.cn', pathname: '/', title: '', hasPassword: false, ...over });

describe('isLoginPage', () => {
  it('knows identity-service hosts by their first label', () => {
    for (const hostname of ['authserver.jzlg.edu.cn', 'cas.example.edu.cn', 'sso.xx.com', 'ids.xx.cn', 'CAS.x.cn'])
      expect(page({ hostname }), hostname).toBe(true);
    for (const hostname of ['www.cas.cn', 'oa.example.edu.cn', 'casual.example.cn', 'idsa.example.cn'])
      expect(page({ hostname }), hostname).toBe(false);
  });

  it('knows CAS sign-in paths on a portal’s own host', () => {
    for (const pathname of [
      '/cas/login',
      '/authserver/login',
      '/lyuapServer/login',
      '/cas/login.html',
      '/sub/cas/login/',
    ])
      expect(page({ pathname }), pathname).toBe(true);
    for (const pathname of ['/tzgg/cas-login-notice.htm', '/cas/logout', '/info/1010/2345.htm', '/catalog/login-help'])
      expect(page({ pathname }), pathname).toBe(false);
  });

  it('takes a 统一身份认证 title only together with a password field', () => {
    expect(page({ title: '统一身份认证平台', hasPassword: true })).toBe(true);
    expect(page({ title: 'Central Authentication Service', hasPassword: true })).toBe(true);
    // A notice about the identity service is a document; a form alone is any site's search or comment box.
    expect(page({ title: '关于启用新版统一身份认证平台的通知', hasPassword: false })).toBe(false);
    expect(page({ title: '关于寒假安全工作的通知', hasPassword: true })).toBe(false);
  });

  it('lets the portal page after the redirect back be read', () => {
    expect(page({ pathname: '/info/1010/2345.htm' })).toBe(false);
  });
});

describe('loginPageFacts', () => {
  it('reads the title and whether a password field is on the page', () => {
    const doc = htmlDocument('<form><input name="u"><input type="password" name="p"></form>', '统一身份认证');
    expect(loginPageFacts(doc, { hostname: 'h.example.cn', pathname: '/x' })).toEqual({
      hostname: 'h.example.cn',
      pathname: '/x',
      title: '统一身份认证',
      hasPassword: true,
    });
    expect(loginPageFacts(htmlDocument('<form><input name="q"></form>', '统一身份认证'), location).hasPassword).toBe(
      false,
    );
  });
});

describe('the login fixtures', () => {
  // The e2e test (tests/e2e/login-pages.spec.ts) sees no reader on them: that is the rule, not a page without a document.
  it('hold a document the detector would otherwise serve', () => {
    for (const name of ['cas/login.html', 'sign-in.html']) expect(readDocument(loadFixture(name)), name).not.toBeNull();
  });
});
