"use client";
import { useParams } from "next/navigation";
import { DraftEditor } from "@/components/drafts/draft-editor";

/** One draft: edit its items, preview, apply. */
export default function DraftPage() {
  const { id } = useParams<{ id: string }>();
  return <DraftEditor key={id} id={decodeURIComponent(id)} />;
}
