/** The model documentation (docs/model/*.md), bundled so that it reads offline; links between pages stay inside. */
import { marked } from 'marked';
import { MODULES } from '../../../src/model/modules/index.js';
import { byName } from '../lib/shipped.js';

/** docs/model/*.md by page name (`climate`, `README`, ...), bundled with this tab. */
const DOCS = byName(
  import.meta.glob<string>('../../../docs/model/*.md', { query: '?raw', import: 'default', eager: true }),
);

interface Props {
  readonly page: string;
  readonly pageHref: (page: string) => string;
}

export function DocsTab({ page, pageHref }: Props) {
  const docs = DOCS;
  const name = docs[page] ? page : 'README';
  const html = (marked.parse(docs[name] ?? '', { async: false }) as string)
    .replace(/href="(?:\.\/)?([A-Za-z0-9_-]+)\.md(#[^"]*)?"/g, (_m, p: string) => `href="${pageHref(p)}"`)
    // Links to the repository's files (the code) do not exist in the explorer: keep their text only.
    .replace(/<a href="\.\.?\/[^"]*">(.*?)<\/a>/g, '<span class="repo-path">$1</span>');
  const pages = ['README', ...MODULES.map((m) => m.name).filter((m) => docs[m]), 'parameters'];
  return (
    <div className="docs">
      <nav aria-label="Model documentation pages">
        <ul>
          {pages.map((p) => (
            <li key={p}>
              <a href={pageHref(p)} aria-current={p === name ? 'page' : undefined}>
                {p === 'README' ? 'Overview (ODD)' : p}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {/* Our own Markdown, from the repository at build time. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the HTML is rendered from the project's own docs */}
      <article dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
