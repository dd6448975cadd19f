"use client";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { yaml } from "@codemirror/lang-yaml";
import { defaultHighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, highlightActiveLine, keymap, lineNumbers } from "@codemirror/view";
import { useEffect, useRef } from "react";
import type { TextDiagnostic } from "./yaml-doc";

interface YamlEditorProps {
  value: string;
  onChange: (text: string) => void;
  /** Field errors already mapped onto the text (ours and the API server's). */
  diagnostics: readonly TextDiagnostic[];
  label: string;
  readOnly?: boolean;
}

/**
 * The YAML editor: CodeMirror 6, bundled (nothing loads at run time). The parent owns the text; field
 * errors arrive as lint diagnostics on the nodes they name.
 */
export function YamlEditor({ value, onChange, diagnostics, label, readOnly = false }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLine(),
          history(),
          indentOnInput(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          syntaxHighlighting(defaultHighlightStyle),
          yaml(),
          lintGutter(),
          EditorState.tabSize.of(2),
          EditorState.readOnly.of(readOnly),
          EditorView.contentAttributes.of({ "aria-label": label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChangeRef.current(u.state.doc.toString());
          }),
          EditorView.theme({ "&": { fontSize: "12px", maxHeight: "36rem" }, ".cm-scroller": { overflow: "auto", fontFamily: "ui-monospace, monospace" } }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The view is created once per mode; later text arrives through the effect below.
  }, [readOnly, label]);

  // Text changed from outside (the form, a reload): replace it, keeping the cursor where it can stay.
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    if (current === value) return;
    const head = Math.min(v.state.selection.main.head, value.length);
    v.dispatch({ changes: { from: 0, to: current.length, insert: value }, selection: { anchor: head } });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const len = v.state.doc.length;
    const list: Diagnostic[] = diagnostics.map((d) => ({ from: Math.min(d.from, len), to: Math.min(Math.max(d.to, d.from), len), severity: "error", message: d.message, source: d.field }));
    v.dispatch(setDiagnostics(v.state, list));
  }, [diagnostics, value]);

  return <div ref={host} data-testid="yaml-editor" className="overflow-hidden rounded border border-slate-300 bg-white" />;
}
