import { route } from "@/lib/server/api/handler";
import { TRANSLATION_NOTES } from "@/lib/translate";
import type { TranslationNotesView } from "@/lib/views/translation";
import { WORKSPACE_NOTES } from "@/lib/workspaces";

/** The choices translation and workspace resolution make where the reference leaves behaviour open. */
export const GET = route({}, (): TranslationNotesView => ({ notes: TRANSLATION_NOTES, workspaceNotes: WORKSPACE_NOTES }));
