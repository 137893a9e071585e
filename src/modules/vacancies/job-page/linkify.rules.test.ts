// PUB-2 links inside job texts (issue 16 item 8): http(s) URLs and e-mail addresses only, always escaped.
import { describe, expect, it } from 'vitest';
import { linkifyHtml, linkSegments } from './linkify.rules.ts';

describe('PUB-2 linkify', () => {
  it('PUB-2 http(s) URLs and e-mail addresses become links; Chinese text and punctuation stay outside', () => {
    expect(linkifyHtml('詳見https://www.dgpa.gov.tw/info?id=1&x=2。')).toBe(
      '詳見<a href="https://www.dgpa.gov.tw/info?id=1&amp;x=2" rel="noopener noreferrer external">https://www.dgpa.gov.tw/info?id=1&amp;x=2</a>。',
    );
    expect(linkifyHtml('(see http://a.example.gov.tw/p).')).toBe('(see <a href="http://a.example.gov.tw/p" rel="noopener noreferrer external">http://a.example.gov.tw/p</a>).');
    expect(linkifyHtml('http://x.tw/wiki/A_(b).')).toContain('href="http://x.tw/wiki/A_(b)"');
    expect(linkifyHtml('請寄 hr.office@dgpa.gov.tw，謝謝')).toBe('請寄 <a href="mailto:hr.office@dgpa.gov.tw">hr.office@dgpa.gov.tw</a>，謝謝');
    expect(linkifyHtml('電話：(02)2397-9298\n分機 123')).toBe('電話：(02)2397-9298\n分機 123');
  });

  it('PUB-2 joining the segments gives back the text exactly', () => {
    for (const s of ['', 'a', 'x https://a.tw. y a@b.tw z', 'https://', 'mailto:a@b.tw', '網址：http://a.tw，或 b@c.org。\r\n']) {
      expect(linkSegments(s).map((p) => p.text).join(''), s).toBe(s);
    }
  });

  it('PUB-2 XSS vectors stay text: no javascript:, no attribute break-out, no markup', () => {
    const vectors = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.cookie)//https://a.tw',
      '<a href="javascript:alert(1)">x</a>',
      'https://a.tw/"onmouseover="alert(1)',
      "https://a.tw/'onmouseover='alert(1)",
      'https://a.tw/<script>alert(1)</script>',
      'data:text/html,<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>@evil.com',
      'x@y.tw"><svg onload=alert(1)>',
      'vbscript:msgbox(1) https://ok.tw',
      'https://user:pw@evil.example/',
    ];
    for (const v of vectors) {
      const html = linkifyHtml(v);
      expect(html, v).not.toMatch(/<(?!a href="(?:https?:\/\/|mailto:)[^"<>]*"(?: rel="noopener noreferrer external")?>|\/a>)/iu);
      expect(html, v).not.toMatch(/href="(?!https?:\/\/|mailto:)/iu);
      for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag, v).toMatch(/^(?:<a href="(?:https?:\/\/|mailto:)[^"<>'\s]*"(?: rel="noopener noreferrer external")?>|<\/a>)$/u); // no on…= inside a tag
      for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1], v).not.toMatch(/['<>\s]/u);
    }
    expect(linkifyHtml('https://user:pw@evil.example/')).not.toContain('<a'); // credentials in a URL: never a link
    expect(linkifyHtml('<b>x</b>')).toBe('&lt;b>x&lt;/b>'); // Html.escapeHtml: & < " ' escaped (> is harmless as text)
  });
});
