// Build configuration: MV3 for Chrome/Edge, MV2-compatible Firefox build, no auto-imports.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage'],
    browser_specific_settings: {
      gecko: {
        id: 'gongwen-reader@example.edu.cn',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
