// The editor's documents, kept as it edits them, with what each change notification changed as offsets of
// the text before it: incremental parsing then skips comparing the whole text to find the edit.
import { TextDocuments, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../core/syntax/text-change';

export class EditedDocuments extends TextDocuments<TextDocument> {
  private readonly edits: Map<string, TextChange | undefined>;

  constructor() {
    const edits = new Map<string, TextChange | undefined>();
    super({
      create: TextDocument.create,
      update: (doc, changes, version) => {
        edits.set(doc.uri, changeOf(doc, changes));
        return TextDocument.update(doc, changes, version);
      },
    });
    this.edits = edits;
  }

  /** What the last change notification of `uri` changed (once: it is forgotten as it is read). */
  takeEdit(uri: string): TextChange | undefined {
    const e = this.edits.get(uri);
    this.edits.delete(uri);
    return e;
  }
}

/** One ranged change as offsets of `doc`'s text; several (their ranges read in turn) or a whole text: unknown. */
function changeOf(doc: TextDocument, changes: TextDocumentContentChangeEvent[]): TextChange | undefined {
  if (changes.length !== 1) return undefined;
  const c = changes[0];
  if (!('range' in c)) return undefined;
  const from = doc.offsetAt(c.range.start);
  const oldEnd = doc.offsetAt(c.range.end);
  return from <= oldEnd ? { from, oldEnd, newEnd: from + c.text.length } : undefined;
}
