/**
 * The console page's script (`index.html` loads it): registers the app's elements. The views
 * register themselves when first shown (each is a chunk of its own).
 */
import { KcConsole } from './app/console.js';
import { KcSignIn } from './app/sign-in.js';

// The page is the app: no margin around it. A constructed sheet, since the CSP allows no inline style.
const page = new CSSStyleSheet();
page.replaceSync('body { margin: 0; }');
document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];

KcSignIn.define('kc-sign-in');
KcConsole.define('kc-console');
