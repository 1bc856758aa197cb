import ts from 'typescript';

const OWN_SOURCE = /[\\/]packages[\\/][^\\/]+[\\/]src[\\/][^\0]*\.ts$/;

/**
 * Minifies the text of our `css` and `html` tagged templates, which esbuild's minifier leaves as
 * written (indentation, comments): CSS loses comments and the whitespace its syntax does not need,
 * HTML the indentation after each line break (a line break stays: it is what separates words, and
 * what `white-space: pre-line` shows). Each literal part is minified on its own, so nothing is
 * joined across an interpolation. Only our own sources are touched; Lit's own code is minified.
 * CSS kept as plain text (for widgets that adopt it without Lit's tag) is marked with a
 * `/* css *\/` comment right before its template literal instead of a tag.
 * @returns {import('rollup').Plugin}
 */
export function minifyTemplates() {
  return {
    name: 'kontakt-minify-templates',
    transform(code, id) {
      if (!OWN_SOURCE.test(id) || !/\b(css|html)`|\/\* css \*\/ `/.test(code)) return null;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      /** @type {[number, number, string][]} */
      const edits = [];
      /** @param {ts.Node} node */
      const visit = (node) => {
        if (
          ts.isTaggedTemplateExpression(node) &&
          ts.isIdentifier(node.tag) &&
          (node.tag.text === 'css' || node.tag.text === 'html')
        ) {
          const minify = node.tag.text === 'css' ? minifyCss : minifyHtml;
          const template = node.template;
          const parts = ts.isNoSubstitutionTemplateLiteral(template)
            ? [template]
            : [template.head, ...template.templateSpans.map((span) => span.literal)];
          for (const part of parts) {
            // Between the opening `` ` `` or `}` and the closing `` ` `` or `${`.
            const start = part.getStart(source) + 1;
            const closesTemplate =
              part.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral ||
              part.kind === ts.SyntaxKind.TemplateTail;
            const end = part.end - (closesTemplate ? 1 : 2);
            const text = code.slice(start, end);
            const minified = minify(text);
            if (minified !== text) edits.push([start, end, minified]);
          }
        }
        if (ts.isNoSubstitutionTemplateLiteral(node) && markedCss(code, source, node)) {
          const [start, end] = [node.getStart(source) + 1, node.end - 1];
          const text = code.slice(start, end);
          const minified = minifyCss(text);
          if (minified !== text) edits.push([start, end, minified]);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      if (!edits.length) return null;
      let result = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) {
        result = result.slice(0, start) + text + result.slice(end);
      }
      return { code: result, map: null };
    },
  };
}

/**
 * True for a template literal right after a `/* css *\/` comment.
 * @param {string} code @param {ts.SourceFile} source @param {ts.Node} node
 */
function markedCss(code, source, node) {
  return code.slice(node.pos, node.getStart(source)).trimEnd().endsWith('/* css */');
}

/**
 * Quoted strings (`content: ' – '`) are kept as written; only what is between them is minified.
 * @param {string} text
 */
function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/("[^"]*"|'[^']*')/)
    .map((part, index) =>
      index % 2
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}'),
    )
    .join('');
}

/** @param {string} text */
function minifyHtml(text) {
  // In a <pre> (or a textarea's text) indentation is content: leave such a template alone.
  if (/<(pre|textarea)\b[^>]*>[^<]/.test(text)) return text;
  return text.replace(/\n[ \t]+/g, '\n').replace(/[ \t]+\n/g, '\n');
}
