// `wxt` dev mode: no browser window can be opened on headless machines, so the runner stays off.
import { defineWebExtConfig } from 'wxt';

export default defineWebExtConfig({ disabled: true });
