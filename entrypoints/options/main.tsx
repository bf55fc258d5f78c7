// Options page entry: settings for portals, sites, key phrases, panel, highlights and data.
import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { t, uiLanguage } from '../../lib/i18n';
import './options.css';

document.documentElement.lang = uiLanguage() === 'zh' ? 'zh-CN' : 'en';
document.title = t('optionsTitle');
render(<OptionsApp />, document.getElementById('app')!);
