// The context-menu item 在导读中打开 on links to documents (PDF, Word, WPS, RTF and VSB/博达's
// attachment downloads): it opens the attachment viewer in a new tab. The link itself still
// downloads or opens as before: nothing is intercepted. Chrome calls the API contextMenus, Firefox
// menus (contextMenus is its alias); the item is made afresh at each background start, as the
// item of a service worker that was stopped may be gone.
export const ATTACHMENT_MENU_ID = 'gongwen-open-attachment';

/**
 * Which links get the item. Match patterns' paths include the query, so a file with a version
 * query (`a.pdf?v=2`) is matched by its second pattern; a VSB download names its file only in the
 * link text, so its own pattern. Spreadsheets and archives get no item: the viewer cannot show them.
 */
export const ATTACHMENT_LINK_PATTERNS: readonly string[] = [
  ...['pdf', 'doc', 'docx', 'wps', 'rtf', 'PDF', 'DOC', 'DOCX'].flatMap((ext) => [
    `*://*/*.${ext}`,
    `*://*/*.${ext}?*`,
  ]),
  '*://*/*download.jsp?*DownloadAttachUrl*',
];

interface MenuClick {
  readonly menuItemId: string | number;
  readonly linkUrl?: string;
}

export interface MenusApi {
  removeAll(): Promise<void>;
  create(
    properties: { id: string; title: string; contexts: ['link']; targetUrlPatterns: string[] },
    callback?: () => void,
  ): unknown;
  readonly onClicked: { addListener(listener: (info: MenuClick, tab?: { id?: number; index?: number }) => void): void };
}

/** The browser's menus API, whichever name it goes by; null where there is none. */
function menusOf(browser: unknown): MenusApi | null {
  const b = browser as { contextMenus?: MenusApi; menus?: MenusApi };
  return b.contextMenus ?? b.menus ?? null;
}

/** Adds the item (`title`: 在导读中打开 in the UI's language) and opens the viewer on the clicked link through `open` (lib/background/open-viewer.ts). */
export function installAttachmentMenu(
  browser: unknown,
  title: string,
  open: (src: string, tab?: { id?: number; index?: number }) => Promise<boolean>,
): boolean {
  const menus = menusOf(browser);
  if (!menus) return false;
  // The listener first and synchronously: a service worker woken by the click must find it.
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== ATTACHMENT_MENU_ID || !info.linkUrl) return;
    void open(info.linkUrl, tab).catch((error: unknown) => console.error('[gongwen-reader] open viewer', error));
  });
  void menus
    .removeAll()
    .then(() =>
      menus.create({
        id: ATTACHMENT_MENU_ID,
        title,
        contexts: ['link'],
        targetUrlPatterns: [...ATTACHMENT_LINK_PATTERNS],
      }),
    )
    .catch((error: unknown) => console.error('[gongwen-reader] attachment menu', error));
  return true;
}
