import { describe, expect, it } from "vitest";
import { parseAllDocuments, parseDocument } from "yaml";
import { updateDocumentValue } from "./yaml-edit";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests navigate parsed YAML freely
type Loose = Record<string, any>;

const text = `# the reviews table
apiVersion: networking.gloo.solo.io/v2
kind: RouteTable
metadata:
  name: reviews # keep me
  namespace: bookinfo
spec:
  http:
    - name: reviews
      forwardTo:
        destinations:
          # v1 gets half
          - ref: {name: reviews, namespace: bookinfo}
            weight: 50
          - ref: {name: reviews-v2, namespace: bookinfo}
            weight: 50
`;

describe("updateDocumentValue", () => {
  it("changes only the edited scalar and keeps every comment", () => {
    const doc = parseDocument(text);
    const next = doc.toJS() as { spec: { http: { forwardTo: { destinations: { weight: number }[] } }[] } };
    next.spec.http[0]!.forwardTo.destinations[1]!.weight = 30;
    updateDocumentValue(doc, [], next);
    const out = doc.toString({ flowCollectionPadding: false });
    expect(out).toBe(text.replace(/weight: 50\n$/, "weight: 30\n"));
    expect(out).toContain("# the reviews table");
    expect(out).toContain("# keep me");
    expect(out).toContain("# v1 gets half");
  });

  it("deletes removed keys, appends new ones and shortens lists", () => {
    const doc = parseDocument(text);
    const next = doc.toJS() as Loose;
    next.metadata.labels = { team: "reviews" };
    next.spec.http[0].forwardTo.destinations.pop();
    delete next.spec.http[0].name;
    updateDocumentValue(doc, [], next);
    const round = parseDocument(doc.toString()).toJS() as Loose;
    expect(round).toEqual(next);
    expect(doc.toString()).toContain("# keep me");
  });

  it("edits one document of a multi-document file and leaves the others byte for byte", () => {
    const other = "# second\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x # why\n";
    const docs = parseAllDocuments(`${text}---\n${other}`);
    if (!Array.isArray(docs)) throw new Error("must parse");
    const next = docs[0]!.toJS() as Loose;
    next.metadata.namespace = "bookinfo-2";
    updateDocumentValue(docs[0]!, [], next);
    const out = docs.map((d) => d.toString()).join("---\n");
    expect(out).toContain(other);
    expect(out).toContain("namespace: bookinfo-2");
  });

  it("replaces a node whose type changed", () => {
    const doc = parseDocument("a:\n  b: 1\n");
    updateDocumentValue(doc, [], { a: [1, 2] });
    expect(doc.toJS()).toEqual({ a: [1, 2] });
  });
});
