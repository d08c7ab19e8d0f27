/** The model documentation (docs/model/*.md), bundled so that it reads offline; links between pages stay inside. */
import { marked } from 'marked';
import { MODULES } from '../../../src/model/modules/index.js';

interface Props {
  readonly docs: Readonly<Record<string, string>>;
  readonly page: string;
  readonly pageHref: (page: string) => string;
}

export function DocsTab({ docs, page, pageHref }: Props) {
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
