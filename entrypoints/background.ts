// Background service worker: placeholder until reading state needs it.
import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {});
