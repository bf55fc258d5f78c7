// Popup entry: renders the reading overview for the active tab and across documents.
import { render } from 'preact';
import { PopupApp } from '../../components/popup/PopupApp';
import { uiLanguage } from '../../lib/i18n';
import './popup.css';

document.documentElement.lang = uiLanguage() === 'zh' ? 'zh-CN' : 'en';
render(<PopupApp />, document.getElementById('app')!);
