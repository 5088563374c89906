/**
 * The markdown the core writes (hover, completion documentation) as plain text, for a client that does not show
 * markdown (LSP's `contentFormat` and `documentationFormat` without `markdown`). The core's markdown uses bold
 * titles, code spans and `---` rules between sections (CommonMark §4.1, §6.1, §6.2): markers are dropped, the text
 * inside them kept as it is, and a rule becomes the blank line around it.
 */
export function markdownToPlainText(markdown: string): string {
  // One pass, so that a code span (a value from the file, say) is taken whole, asterisks and all.
  return markdown.replace(/`([^`\n]*)`|\*\*([^*\n]+)\*\*/g, (_, code: string | undefined, bold: string) => code ?? bold).replace(/\n\n---\n\n/g, '\n\n');
}
