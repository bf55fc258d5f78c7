import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { admitOwnStartOnly } from '../../../entrypoints/content/forged-events';

const name = () => `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;

describe('admitOwnStartOnly', () => {
  it("lets the starting copy's own announcement reach WXT's listener and stops every other one", async () => {
    const heard: string[] = [];
    document.addEventListener(name(), (e) => heard.push((e as CustomEvent<{ messageId: string }>).detail.messageId));
    const announce = (messageId: string) =>
      document.dispatchEvent(new CustomEvent(name(), { detail: { contentScriptName: 'content', messageId } }));

    admitOwnStartOnly();
    announce('first copy'); // WXT's context, synchronously after the module's top level
    announce('forged right after');
    await Promise.resolve();
    announce('forged later');
    admitOwnStartOnly(); // a second copy (the toolbar button) starting in the same world
    announce('second copy');
    await Promise.resolve();
    admitOwnStartOnly();
    await Promise.resolve(); // a copy whose context never announced: the door closes again
    announce('forged after a silent copy');

    expect(heard).toEqual(['first copy', 'second copy']);
  });
});
